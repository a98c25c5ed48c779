import { describe, expect, it } from 'vitest';
import { isInfrastructureUnavailable } from './unavailable.ts';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isInfrastructureUnavailable', () => {
  it('recognises a database or Redis that is down, restarting or gone mid-query', () => {
    expect(isInfrastructureUnavailable(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isInfrastructureUnavailable(withCode('terminating connection due to administrator command', '57P01'))).toBe(
      true,
    );
    expect(isInfrastructureUnavailable(withCode('the database system is starting up', '57P03'))).toBe(true);
    expect(isInfrastructureUnavailable(withCode('connection failure', '08006'))).toBe(true);
    expect(isInfrastructureUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isInfrastructureUnavailable(new Error('Connection is closed.'))).toBe(true);
    // TypeORM's QueryFailedError keeps the driver's error; Node's fetch and happy-eyeballs wrap theirs.
    const queryFailed = Object.assign(new Error('query failed'), { driverError: withCode('x', '57P01') });
    expect(isInfrastructureUnavailable(queryFailed)).toBe(true);
    expect(isInfrastructureUnavailable(new AggregateError([withCode('a', 'ECONNREFUSED')], 'all failed'))).toBe(true);
    expect(isInfrastructureUnavailable(new Error('outer', { cause: withCode('inner', 'ECONNRESET') }))).toBe(true);
  });

  it('does not excuse bugs or refused requests', () => {
    expect(isInfrastructureUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(
      false,
    );
    expect(isInfrastructureUnavailable(withCode('duplicate key value violates unique constraint', '23505'))).toBe(
      false,
    );
    expect(isInfrastructureUnavailable(withCode('syntax error', '42601'))).toBe(false);
    expect(isInfrastructureUnavailable('ECONNREFUSED')).toBe(false);
  });
});
