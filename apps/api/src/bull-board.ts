import { randomBytes } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { hashToken, isAdministrator, type Principal } from '@mailroom/domain';
import { QUEUE_PREFIX, type JobQueues, type RedisConnection } from '@mailroom/queues';
import type { Express, NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { bearerToken, createContext, type Services } from './context.ts';

/** Where the operators' queue board (bull-board) is served. */
export const BOARD_PATH = '/admin/queues';
/** The cookie a browser carries to the board: it cannot send a bearer header when it navigates. */
export const BOARD_COOKIE = 'mailroom_board';
/** How long a board cookie lasts; the session behind it is checked on every request as well. */
export const BOARD_COOKIE_SECONDS = 15 * 60;

const boardKey = (boardToken: string) => `${QUEUE_PREFIX}:board:${hashToken(boardToken)}`;

const ANONYMOUS = 'Sign in as an administrator to see the queues.';
const NOT_ADMIN = 'Only administrators may see the queues.';

function cookieOf(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim() || null;
  }
  return null;
}

/**
 * Mounts bull-board on `/admin/queues` for administrators only, showing the queues of `JobQueues`
 * over its own connection. A request is let in with `Authorization: Bearer` (a session or an API
 * key of an administrator) or with the board cookie, which `POST /admin/queues/session` sets for
 * a signed-in administrator's session: an opaque random token (only its hash is kept, in Redis,
 * pointing at the session's hash) that lives 15 minutes, is HttpOnly, SameSite=Strict and scoped
 * to the board's path, and stops working as soon as the session is signed out or expires. Anyone
 * else gets 401 or 403 with a short JSON answer, never the board.
 */
export function mountBullBoard(
  app: Express,
  deps: { services: Services; queues: JobQueues; redis: RedisConnection; logger: Logger },
): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(BOARD_PATH);
  createBullBoard({
    queues: deps.queues.all.map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Mailroom queues' } },
  });

  const principalOfCookie = async (req: Request): Promise<Principal | null> => {
    const boardToken = cookieOf(req, BOARD_COOKIE);
    if (!boardToken) return null;
    const sessionHash = await deps.redis.get(boardKey(boardToken));
    return sessionHash ? deps.services.auth.principalForTokenHash(sessionHash) : null;
  };

  const refuse = (res: Response, status: 401 | 403) =>
    res
      .status(status)
      .set('Cache-Control', 'no-store')
      .json({ error: status === 401 ? ANONYMOUS : NOT_ADMIN });

  // Errors reading Redis or Postgres reach the client as a bare 503, never as a stack trace.
  const unavailable = (res: Response, error: unknown) => {
    deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'queue board check failed');
    res.status(503).set('Cache-Control', 'no-store').json({ error: 'The queues cannot be checked now. Try again.' });
  };

  app.post(`${BOARD_PATH}/session`, async (req: Request, res: Response) => {
    try {
      const token = bearerToken(req.headers.authorization);
      const { principal } = await createContext(deps.services, req.headers.authorization);
      if (!token || !principal) return refuse(res, 401);
      if (!isAdministrator(principal)) return refuse(res, 403);
      // The cookie stands for a session: an API key has no session to end, so it uses the header.
      if (principal.viaApiKey) {
        return res
          .status(403)
          .json({ error: 'API keys open the queues with their Authorization header, not a cookie.' });
      }
      const boardToken = randomBytes(32).toString('base64url');
      await deps.redis.set(boardKey(boardToken), hashToken(token), 'EX', BOARD_COOKIE_SECONDS);
      res
        .cookie(BOARD_COOKIE, boardToken, {
          httpOnly: true,
          sameSite: 'strict',
          // Behind a TLS-terminating proxy the API sees http; the proxy says what the browser used.
          secure: req.secure || req.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https',
          path: BOARD_PATH,
          maxAge: BOARD_COOKIE_SECONDS * 1000,
        })
        .set('Cache-Control', 'no-store')
        .status(204)
        .end();
    } catch (error) {
      unavailable(res, error);
    }
  });

  app.delete(`${BOARD_PATH}/session`, async (req: Request, res: Response) => {
    try {
      const boardToken = cookieOf(req, BOARD_COOKIE);
      if (boardToken) await deps.redis.del(boardKey(boardToken));
      res.clearCookie(BOARD_COOKIE, { path: BOARD_PATH }).status(204).end();
    } catch (error) {
      unavailable(res, error);
    }
  });

  app.use(
    BOARD_PATH,
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const principal = req.headers.authorization
          ? (await createContext(deps.services, req.headers.authorization)).principal
          : await principalOfCookie(req);
        if (!principal) return refuse(res, 401);
        if (!isAdministrator(principal)) return refuse(res, 403);
        res.set('Cache-Control', 'no-store');
        next();
      } catch (error) {
        unavailable(res, error);
      }
    },
    serverAdapter.getRouter(),
  );
}
