import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRdapBootstrap, type RdapBootstrap } from './rdap-bootstrap.js';
import { RdapBootstrapError, RdapUnavailableError } from './rdap-errors.js';

/** IANA's DNS bootstrap registry (RFC 9224). */
export const ianaRdapDnsBootstrapUrl = 'https://data.iana.org/rdap/dns.json';

/**
 * The snapshot shipped in pivot/data (read relative to this module, so it works from dist and
 * from an installed package): IANA's dns.json of 2017-03-15 from the rdap corpus (MIT), plus
 * common TLDs added by hand from IANA's registry as known in 2024. It is a fallback: refresh it.
 */
export const bundledRdapBootstrapPath = fileURLToPath(new URL('../../data/rdap-dns-bootstrap.json', import.meta.url));

/** The name a refreshed copy gets inside the caller's cache directory. */
export const cachedRdapBootstrapName = 'rdap-dns-bootstrap.json';

export async function loadRdapBootstrapFile(path: string): Promise<RdapBootstrap> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new RdapBootstrapError(`cannot read RDAP bootstrap file ${path}`, { cause: error });
  }
  return parseRdapBootstrap(text, path);
}

export function loadBundledRdapBootstrap(): Promise<RdapBootstrap> {
  return loadRdapBootstrapFile(bundledRdapBootstrapPath);
}

/** The copy a previous refresh left in `cacheDir`, or null when there is none yet. */
export async function loadCachedRdapBootstrap(cacheDir: string): Promise<RdapBootstrap | null> {
  const path = join(cacheDir, cachedRdapBootstrapName);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new RdapBootstrapError(`cannot read RDAP bootstrap file ${path}`, { cause: error });
  }
  return parseRdapBootstrap(text, path);
}

/** Which bootstrap lookups route with: a file the user named, the data directory's refreshed copy, or the bundled snapshot. */
export interface RdapBootstrapInUse {
  origin: 'file' | 'cached' | 'bundled';
  path: string;
  bootstrap: RdapBootstrap;
}

/**
 * The bootstrap an RdapClient with these options routes with, in its order: a named file
 * (INDICIA_RDAP_BOOTSTRAP) before the copy a refresh kept in cacheDir, before the bundled snapshot.
 */
export async function loadRdapBootstrapInUse(options: { bootstrapFile?: string | undefined; cacheDir?: string | undefined }): Promise<RdapBootstrapInUse> {
  if (options.bootstrapFile !== undefined) return { origin: 'file', path: options.bootstrapFile, bootstrap: await loadRdapBootstrapFile(options.bootstrapFile) };
  if (options.cacheDir !== undefined) {
    const cached = await loadCachedRdapBootstrap(options.cacheDir);
    if (cached !== null) return { origin: 'cached', path: join(options.cacheDir, cachedRdapBootstrapName), bootstrap: cached };
  }
  return { origin: 'bundled', path: bundledRdapBootstrapPath, bootstrap: await loadBundledRdapBootstrap() };
}

export interface RefreshBootstrapOptions {
  /** Where the validated copy is kept (created when missing). */
  cacheDir: string;
  timeoutMs?: number;
}

/**
 * Fetches a bootstrap registry (ianaRdapDnsBootstrapUrl for IANA's) and replaces the cached copy only once the new
 * one has been validated: a 404 page or a truncated download never displaces a working file.
 * An HTTP error status or an invalid file throws RdapBootstrapError; a network failure or timeout
 * throws RdapUnavailableError (retryable).
 */
export async function refreshBootstrap(url: string, options: RefreshBootstrapOptions): Promise<RdapBootstrap> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    text = await response.text();
  } catch (error) {
    throw new RdapUnavailableError(`cannot fetch RDAP bootstrap ${url}`, { server: new URL(url).origin, cause: error });
  }
  if (!response.ok) throw new RdapBootstrapError(`RDAP bootstrap ${url} answered HTTP ${response.status}; the cached copy is kept`);
  const bootstrap = parseRdapBootstrap(text, url);
  await mkdir(options.cacheDir, { recursive: true });
  const target = join(options.cacheDir, cachedRdapBootstrapName);
  // Write beside and rename: a reader never sees half a file.
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, target);
  return bootstrap;
}
