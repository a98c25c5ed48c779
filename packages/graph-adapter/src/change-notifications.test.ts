import { describe, expect, it } from 'vitest';
import { parseNotificationPayload } from './change-notifications.ts';

describe('parseNotificationPayload', () => {
  it('separates changes from lifecycle events in one POST', () => {
    const batch = parseNotificationPayload({
      value: [
        {
          id: 'lsgTZMr9KwAAA',
          subscriptionId: 's1',
          subscriptionExpirationDateTime: '2024-05-03T11:00:00Z',
          clientState: 'secret',
          changeType: 'created',
          resource: 'Users/u1/Messages/m1',
          tenantId: 't1',
          resourceData: { '@odata.type': '#Microsoft.Graph.Message', '@odata.id': 'Users/u1/Messages/m1', id: 'm1' },
        },
        { subscriptionId: 's1', clientState: 'secret', tenantId: 't1', lifecycleEvent: 'reauthorizationRequired' },
        { something: 'else' },
      ],
    });
    expect(batch?.changes).toHaveLength(1);
    expect(batch?.changes[0]).toMatchObject({
      changeType: 'created',
      resourceData: { id: 'm1' },
      clientState: 'secret',
    });
    expect(batch?.lifecycleEvents).toEqual([
      { subscriptionId: 's1', clientState: 'secret', tenantId: 't1', lifecycleEvent: 'reauthorizationRequired' },
    ]);
    expect(batch?.unrecognised).toBe(1);
  });

  it('returns null for a body that is not a notification payload', () => {
    expect(parseNotificationPayload({})).toBeNull();
    expect(parseNotificationPayload('validationToken')).toBeNull();
  });
});
