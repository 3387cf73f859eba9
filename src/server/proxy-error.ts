/** A refusal or failure the proxy reports to the page as `{ error, status? }` JSON. */
export class ProxyError extends Error {
  constructor(
    /** The HTTP status the proxy answers with. */
    readonly status: number,
    message: string,
    /** The publisher's own status, so the page can say "could not be loaded (404)". */
    readonly upstreamStatus?: number,
  ) {
    super(message);
    this.name = 'ProxyError';
  }
}
