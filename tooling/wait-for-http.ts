import { createConnection } from 'node:net';

/** Polls a URL until it answers 2xx; fails early when `isAlive` says the server process is gone. */
export async function waitForHttp(url: string, isAlive: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (!isAlive()) throw new Error(`${url} did not come up: the process exited`);
    if (Date.now() > deadline) throw new Error(`${url} did not come up within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Waits until something accepts TCP connections on 127.0.0.1:port (e.g. an HTTPS server). */
export async function waitForPort(port: number, isAlive: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (!isAlive()) throw new Error(`port ${port} did not open: the process exited`);
    if (Date.now() > deadline) throw new Error(`port ${port} did not open within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
