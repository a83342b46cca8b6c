import type { SiteContext } from './common-routes.js';
import type { TestbedSite } from './site-hosts.js';
import type { SiteRequest, SiteResponse } from './site-response.js';

/** One site of the testbed, answering by path. */
export interface VirtualSite {
  readonly info: TestbedSite;
  readonly context: SiteContext;
  /** The site's own pages; undefined when the path is none of them (shared routes and 404 follow). */
  respond(request: SiteRequest): SiteResponse | undefined;
}
