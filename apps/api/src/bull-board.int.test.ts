// The queue board (bull-board) on a real API server: only administrators see it, with a bearer
// header or with the short-lived cookie their session obtains, and never anyone else.
import { newOrganisation, newUser } from '@mailroom/domain/testing';
import { QUEUES } from '@mailroom/queues';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOARD_COOKIE, BOARD_PATH } from './bull-board.ts';
import { startApi, type ApiHarness } from './testing/api-harness.ts';
import type { TestClient } from './testing/graphql-client.ts';

let api: ApiHarness;
let admin: TestClient;
let adminToken: string;
let salesToken: string;
let adminKey: string;
let adminEmail: string;

const tokenOf = async (email: string) => {
  const result = await api.client.request<{ signIn: { token: string } }>(
    'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }',
    { email, password: 'pw' },
  );
  return result.data!.signIn.token;
};

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${api.baseUrl}${BOARD_PATH}${path}`, { headers, redirect: 'manual' });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Opens a board session with this bearer token; the cookie (name=value) when one was set. */
async function openSession(token: string | null, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.baseUrl}${BOARD_PATH}/session`, {
    method: 'POST',
    headers: { ...headers, ...(token ? bearer(token) : {}) },
  });
  const setCookie = response.headers.get('set-cookie');
  return { status: response.status, setCookie, cookie: setCookie?.split(';')[0] ?? null };
}

const queueNames = async (response: Response) =>
  ((await response.json()) as { queues: { name: string }[] }).queues.map((queue) => queue.name).sort();

beforeAll(async () => {
  api = await startApi();
  const ds = api.server.dataSource;
  const organisation = await newOrganisation(ds);
  const adminUser = await newUser(ds, organisation, { roles: ['SYSTEM_ADMINISTRATOR'], password: 'pw' });
  const salesUser = await newUser(ds, organisation, { roles: ['SALES_PROFESSIONAL'], password: 'pw' });
  adminEmail = adminUser.primaryEmail;
  adminToken = await tokenOf(adminEmail);
  salesToken = await tokenOf(salesUser.primaryEmail);
  admin = api.client.withToken(adminToken);
  const key = await admin.request<{ createApiKey: { secret: string } }>(
    'mutation { createApiKey(name: "ops") { secret } }',
  );
  adminKey = key.data!.createApiKey.secret;
}, 60_000);

afterAll(() => api?.stop());

describe('the queue board', () => {
  it('refuses anonymous callers with 401 and a short JSON answer, not the board', async () => {
    for (const path of ['', '/', '/api/queues']) {
      const response = await get(path);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(await response.json()).toEqual({ error: expect.stringMatching(/administrator/) });
    }
    expect((await get('/api/queues', bearer('mrs_not-a-real-session'))).status).toBe(401);
    expect((await get('/api/queues', { cookie: `${BOARD_COOKIE}=guessed` })).status).toBe(401);
    expect((await openSession(null)).status).toBe(401);
  });

  it('refuses a salesperson with 403, through the header or a cookie', async () => {
    const page = await get('/', bearer(salesToken));
    expect(page.status).toBe(403);
    expect(await page.text()).not.toMatch(/<html/i);
    expect((await get('/api/queues', bearer(salesToken))).status).toBe(403);
    const session = await openSession(salesToken);
    expect(session.status).toBe(403);
    expect(session.setCookie).toBeNull();
  });

  it("shows an administrator the board and Mailroom's queues", async () => {
    const page = await get('/', bearer(adminToken));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('Mailroom queues');
    expect(html).toContain(`${BOARD_PATH}/`);

    const queues = await get('/api/queues', bearer(adminToken));
    expect(queues.status).toBe(200);
    expect(await queueNames(queues)).toEqual(Object.values(QUEUES).sort());
    // An administrator's API key works through the header too.
    expect((await get('/api/queues', bearer(adminKey))).status).toBe(200);
  });

  it('lets an administrator in with the session cookie, until the session ends', async () => {
    // A fresh session of its own, so signing it out leaves the other tests alone.
    const token = await tokenOf(adminEmail);
    const session = await openSession(token);
    expect(session.status).toBe(204);
    const attributes = session.setCookie!.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(
      expect.arrayContaining(['httponly', 'samesite=strict', `path=${BOARD_PATH}`, 'max-age=900']),
    );
    expect(session.cookie).not.toContain(token);

    const withCookie = { cookie: session.cookie! };
    const queues = await get('/api/queues', withCookie);
    expect(queues.status).toBe(200);
    expect(await queueNames(queues)).toEqual(Object.values(QUEUES).sort());
    expect((await get('/', withCookie)).status).toBe(200);

    const signedOut = await api.client.withToken(token).request('mutation { signOut }');
    expect(signedOut.errors).toBeUndefined();
    expect((await get('/api/queues', withCookie)).status).toBe(401);
  });

  it('marks the cookie Secure when the browser came over https through a proxy', async () => {
    const attributes = (setCookie: string | null) => setCookie!.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes((await openSession(adminToken)).setCookie)).not.toContain('secure');
    const behindTls = await openSession(adminToken, { 'x-forwarded-proto': 'https' });
    expect(attributes(behindTls.setCookie)).toContain('secure');
  });

  it('gives no cookie to an API key (it has no session to end)', async () => {
    const session = await openSession(adminKey);
    expect(session.status).toBe(403);
    expect(session.setCookie).toBeNull();
  });
});
