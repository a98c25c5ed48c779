import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';
import { containsPattern } from './services/pagination.ts';

const schema = z.object({ PORT: z.coerce.number().int().max(65535, { error: 'must be a port' }), URL: z.url() });

describe('configuration', () => {
  it('names each bad variable with its value and the problem, in one line', () => {
    expect(() => parseConfig(schema, { PORT: '99999' })).toThrow(ConfigError);
    expect(() => parseConfig(schema, { PORT: '99999' })).toThrow(
      'Configuration error: PORT="99999" is invalid: must be a port; URL is not set',
    );
  });

  it('never repeats the password of a URL it refuses', () => {
    const strict = z.object({ URL: z.url({ protocol: /^redis$/ }) });
    expect(() => parseConfig(strict, { URL: 'rediss://:hunter2@cache:6379/0' })).toThrow(
      'Configuration error: URL="rediss://:***@cache:6379/0" is invalid',
    );
    expect(() => parseConfig(strict, { URL: 'rediss://:hunter2@cache:6379/0' })).not.toThrow(/hunter2/);
  });

  it('treats an empty variable as unset', () => {
    expect(() => parseConfig(schema, { PORT: '80', URL: '' })).toThrow('URL is not set');
    expect(parseConfig(schema, { PORT: '80', URL: 'https://x.example' })).toEqual({
      PORT: 80,
      URL: 'https://x.example',
    });
  });
});

describe('search patterns', () => {
  it('match anywhere and take LIKE wildcards literally', () => {
    expect(containsPattern('a_b%c\\d')).toBe('%a\\_b\\%c\\\\d%');
  });
});
