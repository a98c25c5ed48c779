import { createContext, useContext } from 'react';

/**
 * How many times the live-update websocket came back after it was lost. Events sent meanwhile
 * never arrive, so what a page keeps current from them it reads again when this changes.
 */
export const ReconnectsContext = createContext(0);

export function useReconnects(): number {
  return useContext(ReconnectsContext);
}
