import {
  Toast,
  Toaster,
  ToastBody,
  ToastTitle,
  useId,
  useToastController,
  type ToastIntent,
} from '@fluentui/react-components';
import { createContext, useCallback, useContext, type ReactNode } from 'react';

/** What a toast says: a short title, optionally a sentence under it. */
export interface ToastMessage {
  title: string;
  body?: string;
  intent?: ToastIntent;
}

type Notify = (message: ToastMessage) => void;

const ToastContext = createContext<Notify | null>(null);

/**
 * One toaster for the console: confirmations of what the reader just did ("Alert dismissed",
 * "Key revoked") that need no answer. Errors stay in message bars next to what failed, where they
 * can be read and acted on; a toast goes away by itself. Fluent announces each one politely to
 * screen readers.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const toasterId = useId('console-toaster');
  const { dispatchToast } = useToastController(toasterId);
  const notify = useCallback<Notify>(
    ({ title, body, intent = 'success' }) =>
      dispatchToast(
        <Toast>
          <ToastTitle>{title}</ToastTitle>
          {body ? <ToastBody>{body}</ToastBody> : null}
        </Toast>,
        { intent, timeout: 5000, politeness: intent === 'error' ? 'assertive' : 'polite' },
      ),
    [dispatchToast],
  );
  return (
    <ToastContext.Provider value={notify}>
      {children}
      <Toaster toasterId={toasterId} position="bottom-end" pauseOnHover pauseOnWindowBlur />
    </ToastContext.Provider>
  );
}

/** Shows a toast; components under the console's ToastProvider only. */
export function useToast(): Notify {
  const notify = useContext(ToastContext);
  if (!notify) throw new Error('useToast needs a ToastProvider above it');
  return notify;
}
