/**
 * A URL's shape: its path with ids and slugs replaced by placeholders, so the twenty ad links of a
 * listing page ("/ads/12", "/ads/13", ...) share one shape. Detail pages have an id or slug in their
 * last segment; pagination has a page number.
 */
export interface UrlShape {
  key: string;
  /** The last segment (or an id-like query parameter) names one item. */
  isDetail: boolean;
  /** It is one page of a paged list ("?page=2", "/page/3"). */
  isPagination: boolean;
}

const paginationSegments = new Set(['page', 'p', 'pg', 'seite', 'pagina', 'strona', 'pagine', 'sida', 'side']);
const paginationParams = new Set(['page', 'p', 'pg', 'offset', 'start', 'pagina', 'seite', 'from', 'skip', 'pagenum', 'page_num', 'paged']);
const idParams = new Set(['id', 'ad', 'adid', 'ad_id', 'post', 'postid', 'listing', 'listingid', 'item', 'itemid', 'job', 'jobid', 'job_id', 'offer', 'thread', 't', 'topic', 'showtopic', 'aid', 'pid', 'vid']);
/** Tracking and session parameters: they change from link to link but name the same page. */
const ignoredParams = /^(?:utm_.*|ref|source|fbclid|gclid|msclkid|sessionid|session_id|sid|phpsessid|jsessionid|aspsessionid)$/i;

function segmentShape(segment: string): string {
  const bare = segment.toLowerCase().replace(/\.(?:html?|php|aspx?|jsp)$/, '');
  if (/^\d+$/.test(bare)) return '{n}';
  if (/\d{3,}/.test(bare)) return '{id}';
  if (/^[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+){2,}$/u.test(decodeSafely(bare)) && bare.length >= 12) return '{slug}';
  return bare;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch (error) {
    if (error instanceof URIError) return text;
    throw error;
  }
}

export function urlShape(url: URL): UrlShape {
  const segments = url.pathname.split('/').filter((s) => s !== '');
  const shapes = segments.map(segmentShape);
  let isPagination = false;
  for (let i = 1; i < shapes.length; i++) if (shapes[i] === '{n}' && paginationSegments.has(shapes[i - 1]!)) isPagination = true;

  let idInQuery = false;
  const params: string[] = [];
  for (const [name, value] of url.searchParams) {
    const lower = name.toLowerCase();
    if (ignoredParams.test(lower)) continue;
    const numeric = /^\d+$/.test(value);
    if (numeric && paginationParams.has(lower)) isPagination = true;
    if (numeric && idParams.has(lower)) idInQuery = true;
    params.push(`${lower}=${numeric ? '{n}' : '*'}`);
  }
  params.sort();
  const last = shapes[shapes.length - 1];
  const lastIsItem = last === '{n}' || last === '{id}' || last === '{slug}';
  return {
    key: `${url.host.toLowerCase()}/${shapes.join('/')}${params.length > 0 ? `?${params.join('&')}` : ''}`,
    isDetail: !isPagination && (lastIsItem || idInQuery),
    isPagination,
  };
}

/**
 * The page a link names, for counting distinct items: no fragment, no tracking or session
 * parameters, the others sorted. Two links to one ad with different junk are one item.
 */
export function itemIdentity(url: URL): string {
  const params = [...url.searchParams].filter(([name]) => !ignoredParams.test(name)).sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = params.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
  return `${url.protocol}//${url.host.toLowerCase()}${url.pathname}${query ? `?${query}` : ''}`;
}
