import { pino, type Logger } from 'pino';

/** JSON logs; anything that looks like a credential is redacted before it is written. */
export function createLogger(level: string, name = 'api'): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'headers.authorization',
        '*.password',
        '*.token',
        '*.clientSecret',
        'variables.password',
      ],
      censor: '[redacted]',
    },
  });
}
