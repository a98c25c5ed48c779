import { createHash } from 'node:crypto';
import {
  ExchangeError,
  type ChannelResult,
  type ExchangeConnection,
  type ExchangeFailure,
  type ExchangeGateway,
  type ExchangeGatewayFactory,
} from '@mailroom/domain';
import { createGraphAdapter, type GraphAdapter, type GraphAdapterOptions } from './graph-adapter.ts';
import { GraphAdapterError, type GraphFailure } from './graph-errors.ts';
import type { ChannelTestResult } from './mailbox-test.ts';

const MAX_CACHED_ADAPTERS = 1000;

function toExchangeFailure(failure: GraphFailure): ExchangeFailure {
  // A delta cursor is never involved in what the domain asks through this port.
  const kind = failure.kind === 'CURSOR_EXPIRED' ? 'TRANSIENT' : failure.kind;
  return failure.permission ? { kind, permission: failure.permission } : { kind };
}

function toChannelResult(result: ChannelTestResult): ChannelResult {
  return result.ok ? { ok: true } : { ok: false, failure: toExchangeFailure(result.failure) };
}

async function translated<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof GraphAdapterError) throw new ExchangeError(toExchangeFailure(error.failure), error.message);
    throw error;
  }
}

function gatewayOver(adapter: GraphAdapter): ExchangeGateway {
  return {
    detectExchange: () => translated(() => adapter.detectExchange()),
    listUsers: () => translated(() => adapter.listUsers()),
    testMailbox: (address) =>
      translated(async () => {
        const result = await adapter.testMailbox(address);
        return {
          incoming: toChannelResult(result.incoming),
          outgoing: toChannelResult(result.outgoing),
          act: toChannelResult(result.act),
        };
      }),
  };
}

/**
 * The domain's Exchange port over Microsoft Graph. One adapter per distinct connection is kept
 * (its token cache and per-mailbox limiter must be shared by every caller in the process).
 */
export function createExchangeGateways(options: GraphAdapterOptions = {}): ExchangeGatewayFactory {
  const adapters = new Map<string, GraphAdapter>();
  return (connection: ExchangeConnection) => {
    const key = createHash('sha256').update(JSON.stringify(connection)).digest('hex');
    let adapter = adapters.get(key);
    if (!adapter) {
      adapter = createGraphAdapter(connection, options);
      if (adapters.size >= MAX_CACHED_ADAPTERS) adapters.delete(adapters.keys().next().value!);
      adapters.set(key, adapter);
    }
    return gatewayOver(adapter);
  };
}
