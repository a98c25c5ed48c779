import { ChangeNotificationService, isInfrastructureUnavailable, type ReceivedNotification } from '@mailroom/domain';
import { parseNotificationPayload } from '@mailroom/graph-adapter';
import type { RedisSyncSignals } from '@mailroom/queues';
import express, { type Express, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

/** Graph gives the receiver 3 s; everything here is two lookups and a Redis pipeline. */
const MAX_BODY = '1mb';

/**
 * Microsoft Graph's webhooks: `/graph/notifications` (changes to subscribed mailboxes) and
 * `/graph/lifecycle` (reauthorization, removal, missed notifications). Both answer Graph's
 * validation handshake by echoing the token as text/plain; notifications are checked against
 * the subscription's clientState and turned into sync wake-ups, and acknowledged with 202.
 */
export function mountGraphWebhooks(
  app: Express,
  deps: { dataSource: DataSource; signals: RedisSyncSignals; logger: Logger },
): void {
  const notifications = new ChangeNotificationService(deps.dataSource);

  const handler = async (req: Request, res: Response) => {
    const validationToken = req.query['validationToken'];
    if (typeof validationToken === 'string') {
      // Express has already decoded the query string; Graph expects the decoded token back.
      res.status(200).type('text/plain').send(validationToken);
      return;
    }
    const batch = parseNotificationPayload(req.body);
    if (!batch) {
      res.status(400).type('text/plain').send('Expected a JSON body with a "value" array of notifications.');
      return;
    }
    const received: ReceivedNotification[] = [
      ...batch.changes.map((c) => ({ subscriptionId: c.subscriptionId, clientState: c.clientState })),
      ...batch.lifecycleEvents.map((l) => ({
        subscriptionId: l.subscriptionId,
        clientState: l.clientState,
        lifecycleEvent: l.lifecycleEvent,
      })),
    ];
    try {
      const outcome = await notifications.receive(received);
      await deps.signals.wake(outcome.wake);
      if (outcome.rejected > 0 || batch.unrecognised > 0) {
        deps.logger.warn(
          { rejected: outcome.rejected, unrecognised: batch.unrecognised },
          'dropped change notifications with an unknown subscription or a wrong clientState',
        );
      }
      res.status(202).end();
    } catch (error) {
      // Graph retries unacknowledged notifications; polling catches up in any case. PostgreSQL or
      // Redis restarting is expected now and then: a warning; anything else is an error.
      const details = { err: error instanceof Error ? error.message : String(error) };
      if (isInfrastructureUnavailable(error)) deps.logger.warn(details, 'notification handling failed');
      else deps.logger.error(details, 'notification handling failed');
      res.status(503).end();
    }
  };

  const body = express.json({ limit: MAX_BODY, type: ['application/json', 'text/plain'] });
  app.post('/graph/notifications', body, handler);
  app.post('/graph/lifecycle', body, handler);
}
