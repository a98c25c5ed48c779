import { z } from 'zod';

const changeNotificationSchema = z.object({
  subscriptionId: z.string(),
  subscriptionExpirationDateTime: z.string().optional(),
  clientState: z.string().nullable().optional(),
  changeType: z.enum(['created', 'updated', 'deleted']),
  resource: z.string(),
  tenantId: z.string().optional(),
  resourceData: z.looseObject({ id: z.string().optional(), '@odata.type': z.string().optional() }).optional(),
});

const lifecycleNotificationSchema = z.object({
  subscriptionId: z.string(),
  subscriptionExpirationDateTime: z.string().optional(),
  clientState: z.string().nullable().optional(),
  tenantId: z.string().optional(),
  lifecycleEvent: z.enum(['reauthorizationRequired', 'subscriptionRemoved', 'missed']),
});

const payloadSchema = z.object({ value: z.array(z.looseObject({})) });

/** A change Graph reports for a subscribed resource. */
export type ChangeNotification = z.infer<typeof changeNotificationSchema>;

/**
 * A lifecycle event: `reauthorizationRequired` (reauthorize or renew), `subscriptionRemoved`
 * (recreate, then run a delta round), `missed` (run a delta round).
 */
export type LifecycleNotification = z.infer<typeof lifecycleNotificationSchema>;

export interface NotificationBatch {
  changes: ChangeNotification[];
  lifecycleEvents: LifecycleNotification[];
  /** Entries in neither shape; answered like the rest, logged by the receiver. */
  unrecognised: number;
}

/**
 * Parses the JSON body Graph posts to a notification or lifecycle URL. One POST may carry
 * several notifications. Checking `clientState` against the subscription's is the receiver's job.
 */
export function parseNotificationPayload(body: unknown): NotificationBatch | null {
  const payload = payloadSchema.safeParse(body);
  if (!payload.success) return null;
  const batch: NotificationBatch = { changes: [], lifecycleEvents: [], unrecognised: 0 };
  for (const entry of payload.data.value) {
    const lifecycle = lifecycleNotificationSchema.safeParse(entry);
    if (lifecycle.success) {
      batch.lifecycleEvents.push(lifecycle.data);
      continue;
    }
    const change = changeNotificationSchema.safeParse(entry);
    if (change.success) batch.changes.push(change.data);
    else batch.unrecognised += 1;
  }
  return batch;
}
