import { pino, type Logger as PinoLogger, type DestinationStream } from 'pino';

/**
 * JSON-lines logging. Indicator values (phones, emails, handles) are personal data: log them at
 * debug level only, never at info. Secrets are redacted by path.
 */
export type Logger = PinoLogger;

export interface LoggerOptions {
  level?: string;
  name?: string;
  /** Where lines go; stderr by default so stdout stays clean for command output (JSON, CSV). */
  destination?: DestinationStream;
}

const redactPaths = ['password', '*.password', 'token', '*.token', 'proxyPassword', 'headers.authorization', 'headers.cookie'];

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      name: options.name ?? 'indicia',
      level: options.level ?? process.env.INDICIA_LOG_LEVEL ?? 'info',
      redact: { paths: redactPaths, censor: '[redacted]' },
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  );
}

/** A logger that writes nothing, for tests and library use. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
