// The authorisation matrix: every query, mutation and subscription of the schema, called by every
// kind of caller, against one table of who may do what. An operation added to the schema without
// a row fails the test. Arguments are generated from the schema (random ids, short strings), so a
// call that gets past authorisation usually ends in NOT_FOUND or BAD_USER_INPUT: what counts here
// is only whether the API let the caller in.
import type { Organisation } from '@mailroom/domain';
import { newOrganisation, newUser } from '@mailroom/domain/testing';
import { isNonNullType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiHarness } from '../testing/api-harness.ts';
import type { GraphQLResponse, TestClient } from '../testing/graphql-client.ts';
import { clientSchema, operationDocument, sampleValue } from '../testing/schema-calls.ts';

/**
 * Who may call an operation:
 * - `public`: anyone, signed in or not;
 * - `signed-in`: any signed-in user or API key (what they then see is their own business);
 * - `session`: a signed-in user, not an API key (managing keys, for instance);
 * - `admin`: system administrators only.
 */
type Access = 'public' | 'signed-in' | 'session' | 'admin';

const MATRIX: Record<string, Access> = {
  // Queries
  me: 'signed-in',
  emailConfiguration: 'admin',
  emailIntegrationAvailability: 'signed-in',
  emailServerProfiles: 'admin',
  mailboxes: 'signed-in',
  mailbox: 'signed-in',
  job: 'signed-in',
  users: 'admin',
  notifications: 'signed-in',
  accounts: 'signed-in',
  account: 'signed-in',
  contacts: 'signed-in',
  contact: 'signed-in',
  leads: 'signed-in',
  lead: 'signed-in',
  opportunities: 'signed-in',
  opportunity: 'signed-in',
  timeline: 'signed-in',
  email: 'signed-in',
  mailFolders: 'signed-in',
  folderTrackingRules: 'signed-in',
  tasks: 'signed-in',
  task: 'signed-in',
  appointments: 'signed-in',
  appointment: 'signed-in',
  apiKeys: 'signed-in',
  syncHealth: 'admin',
  // Mutations
  signIn: 'public',
  signOut: 'signed-in',
  connectTenant: 'admin',
  importDirectory: 'admin',
  configureEmail: 'admin',
  approveAndTestMailboxes: 'admin',
  testAndEnableMailboxes: 'admin',
  pingWorker: 'admin',
  updateUser: 'admin',
  updateEmailServerProfile: 'admin',
  updateMailbox: 'signed-in',
  dismissMailboxAlert: 'signed-in',
  markNotificationsRead: 'signed-in',
  markAllNotificationsRead: 'signed-in',
  createAccount: 'signed-in',
  createContact: 'signed-in',
  updateContact: 'signed-in',
  createLead: 'signed-in',
  createOpportunity: 'signed-in',
  sendEmail: 'signed-in',
  trackMessage: 'signed-in',
  untrackMessage: 'signed-in',
  createFolderTrackingRule: 'signed-in',
  deleteFolderTrackingRule: 'signed-in',
  setFolderTracking: 'signed-in',
  createTask: 'signed-in',
  updateTask: 'signed-in',
  deleteTask: 'signed-in',
  createAppointment: 'signed-in',
  updateAppointment: 'signed-in',
  deleteAppointment: 'signed-in',
  createApiKey: 'session',
  revokeApiKey: 'session',
  // Subscriptions
  mailboxStatusChanged: 'signed-in',
  jobProgress: 'signed-in',
  timelineChanged: 'signed-in',
  notificationReceived: 'signed-in',
};

const CALLERS = ['anonymous', 'admin', 'manager', 'salesperson', 'unlicensed', 'apiKey'] as const;
type Caller = (typeof CALLERS)[number];
type Outcome = 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN';

function expected(access: Access, caller: Caller): Outcome {
  if (access === 'public') return 'allowed';
  if (caller === 'anonymous') return 'UNAUTHENTICATED';
  if (access === 'admin') return caller === 'admin' ? 'allowed' : 'FORBIDDEN';
  if (access === 'session' && caller === 'apiKey') return 'FORBIDDEN';
  return 'allowed';
}

/** The document and variables calling one root field with sampled arguments. */
function call(kind: 'query' | 'mutation' | 'subscription', field: GraphQLField<unknown, unknown>) {
  const variables = Object.fromEntries(
    field.args.filter((a) => isNonNullType(a.type)).map((a) => [a.name, sampleValue(a.type)]),
  );
  return { document: operationDocument(kind, field), variables };
}

function outcomeOf(response: GraphQLResponse): Outcome {
  const code = response.errors?.[0]?.extensions?.code;
  return code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? code : 'allowed';
}

/** Arguments a sample cannot stand for: signing in takes real credentials (wrong ones are UNAUTHENTICATED). */
const OVERRIDES: Record<string, Record<string, unknown>> = {};

let api: ApiHarness;
let schema: GraphQLSchema;
let organisation: Organisation;
const clients = {} as Record<Caller, TestClient>;
const signOutClients: Partial<Record<Caller, TestClient>> = {};

beforeAll(async () => {
  api = await startApi();
  const ds = api.server.dataSource;
  organisation = await newOrganisation(ds);
  const signedIn = async (
    caller: Caller,
    roles: ('SYSTEM_ADMINISTRATOR' | 'SALES_MANAGER' | 'SALES_PROFESSIONAL')[],
    licensed = true,
  ) => {
    const user = await newUser(ds, organisation, {
      roles,
      password: 'pw',
      ...(licensed ? {} : { salesLicense: 'NONE' as const, exchangeLicenseValid: false }),
    });
    // signOut ends a session: it is called with a session of its own.
    signOutClients[caller] = await api.client.signIn(user.primaryEmail, 'pw');
    return api.client.signIn(user.primaryEmail, 'pw');
  };
  clients.anonymous = api.client;
  clients.admin = await signedIn('admin', ['SYSTEM_ADMINISTRATOR']);
  clients.manager = await signedIn('manager', ['SALES_MANAGER']);
  clients.salesperson = await signedIn('salesperson', ['SALES_PROFESSIONAL']);
  const anyone = await newUser(ds, organisation, { password: 'pw' });
  OVERRIDES['signIn'] = { email: anyone.primaryEmail, password: 'pw' };
  clients.unlicensed = await signedIn('unlicensed', [], false);
  const key = await clients.salesperson.request('mutation { createApiKey(name: "CI export") { secret } }');
  expect(key.errors).toBeUndefined();
  clients.apiKey = api.client.withToken(key.data?.createApiKey.secret);
  schema = await clientSchema(api.client);
}, 60_000);

afterAll(() => api?.stop());

describe('the authorisation matrix', () => {
  it('has a row for every operation of the schema, and none for an operation that is gone', () => {
    const operations = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
      Object.keys(type?.getFields() ?? {}),
    );
    expect(operations.filter((name) => !(name in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((name) => !operations.includes(name))).toEqual([]);
  });

  it('lets in exactly who the table says, for every query and mutation', async () => {
    const fields = [
      ...Object.values(schema.getQueryType()!.getFields()).map((f) => ['query', f] as const),
      ...Object.values(schema.getMutationType()!.getFields()).map((f) => ['mutation', f] as const),
    ];
    const mismatches: string[] = [];
    for (const [kind, field] of fields) {
      const { document, variables: sampled } = call(kind, field);
      const variables = { ...sampled, ...OVERRIDES[field.name] };
      const outcomes = await Promise.all(
        CALLERS.map(async (caller) => {
          const client = field.name === 'signOut' ? (signOutClients[caller] ?? clients[caller]) : clients[caller];
          return [caller, outcomeOf(await client.request(document, variables))] as const;
        }),
      );
      for (const [caller, outcome] of outcomes) {
        const want = expected(MATRIX[field.name]!, caller);
        if (outcome !== want) mismatches.push(`${field.name} as ${caller}: ${outcome}, expected ${want}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it('lets in exactly who the table says, for every subscription', async () => {
    const mismatches: string[] = [];
    await Promise.all(
      Object.values(schema.getSubscriptionType()!.getFields()).flatMap((field) =>
        CALLERS.map(async (caller) => {
          const { document, variables } = call('subscription', field);
          // An allowed subscription stays open without events: the wait ends it.
          const events = await clients[caller]
            .subscribe(document, variables, (received) => received.length > 0, 1_500)
            .events.catch((error: unknown) => {
              const message = error instanceof Error ? error.message : String(error);
              if (message.startsWith('subscription timed out')) return [];
              return [{ errors: [{ message, extensions: { code: /UNAUTHENTICATED|FORBIDDEN/.exec(message)?.[0] } }] }];
            });
          const outcome = events.length === 0 ? 'allowed' : outcomeOf(events[0] as GraphQLResponse);
          const want = expected(MATRIX[field.name]!, caller);
          if (outcome !== want) mismatches.push(`${field.name} as ${caller}: ${outcome}, expected ${want}`);
        }),
      ),
    );
    expect(mismatches).toEqual([]);
  }, 60_000);
});
