/**
 * The request cannot be served as asked: the server answers with `status` and
 * `{error: {code, message}}`, and goes on. Anything else thrown by a handler is a bug: a 500 whose
 * details go to the log, not to the client.
 */
export class RejectedRequestError extends Error {
  override readonly name: string = 'RejectedRequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers (Retry-After for 429, Allow for 405). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string): RejectedRequestError => new RejectedRequestError(404, 'not-found', `${what} not found`);
export const badRequest = (message: string): RejectedRequestError => new RejectedRequestError(400, 'bad-request', message);
