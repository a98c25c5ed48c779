import { pino, type DestinationStream, type Logger } from 'pino';
import { currentRequestId } from './request-id.ts';

/**
 * JSON logs; anything that looks like a credential is redacted before it is written. A line
 * written while a request is handled carries its `requestId`.
 */
export function createLogger(level: string, name = 'api', destination?: DestinationStream): Logger {
  return pino(
    {
      name,
      level,
      mixin: () => {
        const requestId = currentRequestId();
        return requestId === undefined ? {} : { requestId };
      },
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
    },
    destination,
  );
}
