import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the web UI's build lands: `console/dist/ui/` (index.html with `{{nonce}}`, and assets/). */
export const defaultUiDir = fileURLToPath(new URL('../ui/', import.meta.url));

/** The client-side routes: each gets the same HTML shell, the UI's router shows the page. */
const clientRoutes = ['', 'login', 'search', 'ads', 'indicators', 'domains', 'reverse', 'graph', 'watchlists', 'audit', 'users', 'tokens', 'account'];

const assetTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** Shown when the UI has not been built: the API works, and the page says how to get the UI. */
const placeholderShell = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Indicia console</title></head>
<body><h1>Indicia console</h1><p>The API is up under <code>/api/v1</code> (see <code>/api/v1/openapi.json</code>).
The web UI is not built: run <code>npm run build</code> in the repository.</p>
<script nonce="{{nonce}}"></script></body></html>
`;

export function isClientRoute(pathname: string): boolean {
  const first = pathname.split('/')[1] ?? '';
  return clientRoutes.includes(first);
}

/** The UI's HTML shell with every `{{nonce}}` replaced by this response's nonce. */
export async function uiShell(uiDir: string, nonce: string): Promise<string> {
  let template: string;
  try {
    template = await readFile(join(uiDir, 'index.html'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    template = placeholderShell;
  }
  return template.replaceAll('{{nonce}}', nonce);
}

/** A file under `<uiDir>/assets/`, or null when there is none (or the path tries to leave the folder). */
export async function uiAsset(uiDir: string, pathname: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  const relative = decodeSafely(pathname.slice('/assets/'.length));
  if (relative === null || relative.includes('\0') || relative.split('/').some((part) => part.startsWith('.'))) return null;
  const root = join(uiDir, 'assets');
  const path = normalize(join(root, relative));
  if (!path.startsWith(root + sep)) return null;
  const contentType = assetTypes[extname(path).toLowerCase()];
  if (!contentType) return null;
  try {
    if (!(await stat(path)).isFile()) return null;
    return { bytes: await readFile(path), contentType };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function decodeSafely(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null; // malformed percent-encoding names no file
  }
}
