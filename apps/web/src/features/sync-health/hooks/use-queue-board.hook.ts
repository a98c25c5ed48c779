import { useCallback, useState } from 'react';
import { getSession } from '../../session/session.store';

/** Where the API serves the queue board (bull-board); the dev server proxies it like /graphql. */
export const QUEUE_BOARD_PATH = '/admin/queues/';

/** Why the board did not open; the page says it in words (`board.*` in the bundle). */
export type QueueBoardProblem = 'sessionEnded' | 'forbidden' | 'unavailable' | 'network';

/**
 * Opens the queue board in a new tab. A tab cannot send the session's bearer header, so the
 * session first asks the API for the board's cookie (HttpOnly, short-lived, scoped to the board's
 * path, ended with the session); the token itself never goes into a URL. The tab is opened at
 * once, within the click, so popup blockers let it through, and pointed at the board once the
 * cookie is set.
 */
export function useQueueBoard(): { open: () => Promise<void>; opening: boolean; error: QueueBoardProblem | null } {
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<QueueBoardProblem | null>(null);
  const open = useCallback(async () => {
    const token = getSession()?.token;
    if (!token) {
      setError('sessionEnded');
      return;
    }
    setOpening(true);
    setError(null);
    const board = window.open('', '_blank');
    try {
      const response = await fetch(`${QUEUE_BOARD_PATH}session`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      if (!response.ok) {
        board?.close();
        setError(response.status === 401 ? 'sessionEnded' : response.status === 403 ? 'forbidden' : 'unavailable');
        return;
      }
      if (board) {
        // The board needs nothing from this page.
        board.opener = null;
        board.location.href = QUEUE_BOARD_PATH;
      } else {
        window.location.assign(QUEUE_BOARD_PATH);
      }
    } catch {
      board?.close();
      setError('network');
    } finally {
      setOpening(false);
    }
  }, []);
  return { open, opening, error };
}
