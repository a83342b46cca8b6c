/** A crawl that captured nothing at all: the command exits 1 with the first reason. */
export class CrawlFailedError extends Error {
  override readonly name = 'CrawlFailedError';
}
