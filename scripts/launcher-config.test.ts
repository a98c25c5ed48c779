import { describe, expect, it } from 'vitest';
import { ConfigError, loadLauncherConfig } from './launcher-config.ts';

describe('launcher configuration', () => {
  it('has working defaults', () => {
    const config = loadLauncherConfig({});
    expect(config).toMatchObject({
      API_PORT: 4000,
      WEB_PORT: 5173,
      EMULATOR_PORT: 4100,
      MAILROOM_DEMO_PASSWORD: 'mailroom-demo',
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names the variable and the problem in one line', () => {
    expect(() => loadLauncherConfig({ API_PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadLauncherConfig({ API_PORT: 'abc' })).toThrow(
      'Configuration error: API_PORT="abc" is invalid: must be a port number from 1 to 65535',
    );
    expect(() => loadLauncherConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL="mysql:\/\/x" is invalid/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadLauncherConfig({ REDIS_URL: '' }).REDIS_URL).toBeUndefined();
  });
});
