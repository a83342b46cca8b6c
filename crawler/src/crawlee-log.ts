import { Log, Logger, LogLevel } from '@crawlee/cheerio';
import { describeError, type Logger as PinoLogger } from '@indicia/core';

/** Crawlee's log lines go to our JSON logger, all at debug: what matters to a user, the crawl logs itself. */
class PinoBridge extends Logger {
  constructor(private readonly target: PinoLogger) {
    super({});
  }

  override _log(level: LogLevel, message: string, data?: Record<string, unknown>, exception?: unknown, opts?: Record<string, unknown>): void {
    this.target.debug(
      { crawlee: LogLevel[level], ...(opts?.prefix ? { crawleeComponent: opts.prefix } : {}), ...(data ? { data } : {}), ...(exception ? { error: describeError(exception) } : {}) },
      message,
    );
  }
}

export function crawleeLogFor(logger: PinoLogger): Log {
  return new Log({
    level: logger.isLevelEnabled('debug') ? LogLevel.DEBUG : LogLevel.OFF,
    logger: new PinoBridge(logger),
    prefix: 'crawlee',
  });
}
