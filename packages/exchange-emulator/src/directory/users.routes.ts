import type { RouteTable } from '../graph/graph-route.ts';
import { userOf } from '../graph/graph-route.ts';
import { json } from '../http/http.types.ts';
import { compileFilter, plainAccessor } from '../http/odata-filter.ts';
import { parseSelect } from '../http/odata-query.ts';
import { pageOf } from '../http/paging.ts';
import { USER_PROPERTIES } from './directory.store.ts';

const MAILBOX_SETTINGS = {
  timeZone: 'UTC',
  language: { locale: 'en-US', displayName: 'English (United States)' },
  dateFormat: 'MM/dd/yyyy',
  timeFormat: 'hh:mm tt',
  workingHours: {
    daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
    startTime: '08:00:00.0000000',
    endTime: '17:00:00.0000000',
    timeZone: { name: 'Pacific Standard Time' },
  },
  automaticRepliesSetting: { status: 'disabled', externalAudience: 'all' },
  userPurpose: 'user',
  delegateMeetingMessageDeliveryOptions: 'sendToDelegateOnly',
};

export const userRoutes: RouteTable = [
  [
    'GET',
    'users',
    {
      area: 'directory',
      access: 'read',
      handler: ({ req, state }) => {
        const select = parseSelect(req.query.get('$select'), USER_PROPERTIES, 'user');
        const directory = state.directory;
        let users = [...directory.users.values()];
        const filter = req.query.get('$filter');
        if (filter) {
          const predicate = compileFilter(filter, (user: (typeof users)[number], path) =>
            plainAccessor(directory.renderUser(user, [...USER_PROPERTIES]), path),
          );
          users = users.filter(predicate);
        }
        return json({
          '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users',
          ...pageOf(req, users, (user) => directory.renderUser(user, select), 100, 999),
        });
      },
    },
  ],
  [
    'GET',
    'users/:user',
    {
      area: 'directory',
      access: 'read',
      handler: (ctx) => {
        const select = parseSelect(ctx.req.query.get('$select'), USER_PROPERTIES, 'user');
        return json({
          '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity',
          ...ctx.state.directory.renderUser(userOf(ctx), select),
        });
      },
    },
  ],
  [
    'GET',
    'users/:user/mailboxSettings',
    {
      area: 'mailboxSettings',
      access: 'read',
      handler: (ctx) =>
        json({
          '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${userOf(ctx).id}')/mailboxSettings`,
          ...MAILBOX_SETTINGS,
        }),
    },
  ],
  [
    'GET',
    'subscribedSkus',
    {
      area: 'organization',
      access: 'read',
      handler: ({ state }) =>
        json({
          '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#subscribedSkus',
          value: state.directory.subscribedSkus(),
        }),
    },
  ],
  [
    'GET',
    'organization',
    {
      area: 'organization',
      access: 'read',
      handler: ({ state }) => {
        const tenant = state.directory.tenant;
        return json({
          value: [
            {
              id: tenant.id,
              displayName: tenant.displayName,
              verifiedDomains: tenant.domains.map((name, index) => ({
                name,
                isDefault: index === 0,
                isInitial: name.endsWith('.onmicrosoft.com'),
                type: 'Managed',
                capabilities: 'Email, OfficeCommunicationsOnline',
              })),
              assignedPlans: tenant.exchangeSubscription
                ? [
                    {
                      assignedDateTime: '2024-01-01T00:00:00Z',
                      capabilityStatus: 'Enabled',
                      service: 'exchange',
                      servicePlanId: 'efb87545-963c-4e0d-99df-69c6916d9eb0',
                    },
                  ]
                : [],
            },
          ],
        });
      },
    },
  ],
];
