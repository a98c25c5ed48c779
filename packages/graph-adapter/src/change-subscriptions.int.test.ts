import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Message } from '@microsoft/microsoft-graph-types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseNotificationPayload, type NotificationBatch } from './change-notifications.ts';
import type { GraphAdapter } from './graph-adapter.ts';
import { GraphAdapterError } from './graph-errors.ts';
import { demoAdapter, useEmulator, type EmulatorControl } from './testing/emulator-harness.ts';

/** A webhook receiver as Mailroom's API runs one: echo validation tokens, acknowledge notifications. */
class WebhookReceiver {
  readonly batches: { path: string; batch: NotificationBatch }[] = [];
  readonly validations: string[] = [];
  private waiters: (() => void)[] = [];
  private server: Server | undefined;
  /** When false, validation requests are answered 400, as by an endpoint that is not Mailroom's. */
  acceptValidation = true;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://receiver.invalid');
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const token = url.searchParams.get('validationToken');
        if (token !== null) {
          this.validations.push(token);
          res
            .writeHead(this.acceptValidation ? 200 : 400, { 'content-type': 'text/plain' })
            .end(this.acceptValidation ? token : '');
          return;
        }
        const batch = parseNotificationPayload(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        if (batch !== null) this.batches.push({ path: url.pathname, batch });
        res.writeHead(202).end();
        for (const wake of this.waiters.splice(0)) wake();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves once `predicate` holds for what has arrived, or fails after `timeoutMs`. */
  async waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error('the expected notification did not arrive');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

let control: EmulatorControl;
let adapter: GraphAdapter;
let stop: () => Promise<void>;
const receiver = new WebhookReceiver();

beforeAll(async () => {
  const emulator = await useEmulator(inject('emulatorUrl'));
  control = emulator.control;
  stop = emulator.stop;
  adapter = demoAdapter(emulator.url);
  await receiver.start();
});

afterAll(async () => {
  await receiver.stop();
  await stop();
});

const inOneDay = () => new Date(Date.now() + 24 * 3600_000);

describe('change notifications against the emulator', () => {
  it('passes validation, then delivers a created message with its immutable id and our clientState', async () => {
    const { upn } = await control.newMailbox();
    const validationsBefore = receiver.validations.length;
    const subscription = await adapter.createSubscription({
      resource: `users/${upn}/mailFolders/inbox/messages`,
      changeType: 'created,updated,deleted',
      notificationUrl: `${receiver.url}/notifications`,
      lifecycleNotificationUrl: `${receiver.url}/lifecycle`,
      expirationDateTime: inOneDay(),
      clientState: 'mailroom-state-1',
    });
    expect(subscription).toMatchObject({ id: expect.any(String), clientState: 'mailroom-state-1' });
    // Both URLs were validated before the subscription existed.
    expect(receiver.validations.length - validationsBefore).toBe(2);

    await control.deliver(upn, ['Hello from Pat']);
    const mine = () =>
      receiver.batches.flatMap((b) => b.batch.changes).filter((change) => change.subscriptionId === subscription.id);
    await receiver.waitFor(() => mine().some((change) => change.changeType === 'created'));
    const created = mine().find((change) => change.changeType === 'created');
    expect(created).toMatchObject({ clientState: 'mailroom-state-1', resourceData: { id: expect.any(String) } });

    const pages = [];
    for await (const page of adapter.messageDelta(upn, 'inbox')) pages.push(page);
    const message = pages.flatMap((page) => page.items).find((m: Message) => m.subject === 'Hello from Pat');
    expect(created?.resourceData?.id).toBe(message?.id);
  });

  it('delivers lifecycle events to the lifecycle URL', async () => {
    const { upn } = await control.newMailbox();
    const subscription = await adapter.createSubscription({
      resource: `users/${upn}/events`,
      changeType: 'created',
      notificationUrl: `${receiver.url}/notifications`,
      lifecycleNotificationUrl: `${receiver.url}/lifecycle`,
      expirationDateTime: inOneDay(),
      clientState: 'mailroom-state-2',
    });
    await control.call('POST', `/subscriptions/${subscription.id}/lifecycle`, { event: 'reauthorizationRequired' });
    const lifecycle = () =>
      receiver.batches
        .filter((b) => b.path === '/lifecycle')
        .flatMap((b) => b.batch.lifecycleEvents)
        .filter((event) => event.subscriptionId === subscription.id);
    await receiver.waitFor(() => lifecycle().length > 0);
    expect(lifecycle()[0]).toMatchObject({
      lifecycleEvent: 'reauthorizationRequired',
      clientState: 'mailroom-state-2',
    });
    await expect(adapter.reauthorizeSubscription(subscription.id as string)).resolves.toBeUndefined();
  });

  it('renews, lists and deletes a subscription; a deleted one is NOT_FOUND', async () => {
    const { upn } = await control.newMailbox();
    const subscription = await adapter.createSubscription({
      resource: `users/${upn}/contacts`,
      changeType: 'created,updated,deleted',
      notificationUrl: `${receiver.url}/notifications`,
      expirationDateTime: inOneDay(),
      clientState: 'mailroom-state-3',
    });
    const id = subscription.id as string;
    const later = new Date(Date.now() + 2 * 24 * 3600_000);
    const renewed = await adapter.renewSubscription(id, later);
    expect(Date.parse(renewed.expirationDateTime as string)).toBe(later.getTime());
    expect((await adapter.listSubscriptions()).map((s) => s.id)).toContain(id);

    await adapter.deleteSubscription(id);
    expect((await adapter.listSubscriptions()).map((s) => s.id)).not.toContain(id);
    const error = await adapter.renewSubscription(id, later).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphAdapterError);
    expect((error as GraphAdapterError).failure).toMatchObject({ kind: 'NOT_FOUND', status: 404 });
  });

  it('fails creation as INVALID_REQUEST when the endpoint does not answer the validation', async () => {
    const { upn } = await control.newMailbox();
    receiver.acceptValidation = false;
    try {
      const error = await adapter
        .createSubscription({
          resource: `users/${upn}/messages`,
          changeType: 'created',
          notificationUrl: `${receiver.url}/notifications`,
          expirationDateTime: inOneDay(),
          clientState: 'mailroom-state-4',
        })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(GraphAdapterError);
      expect((error as GraphAdapterError).failure).toMatchObject({
        kind: 'INVALID_REQUEST',
        status: 400,
        code: 'InvalidRequest',
      });
    } finally {
      receiver.acceptValidation = true;
    }
  });
});
