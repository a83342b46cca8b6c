import { readdirSync, readFileSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What Playwright does not tell about a launched browser: its process id and the temporary
 * profile it made. Read from /proc (Linux); elsewhere the lookups find nothing and Playwright's
 * own clean-up is all there is.
 */

export interface ChromiumProcess {
  pid: number;
  /** --user-data-dir of the process; null when it has none. */
  profileDir: string | null;
}

const profilePrefix = 'playwright_chromiumdev_profile-';

/** Direct children of this process that are browsers with a user-data-dir (the ones Playwright launched). */
export function launchedBrowserProcesses(): ChromiumProcess[] {
  const found: ChromiumProcess[] = [];
  for (const pid of processIds()) {
    if (parentPid(pid) !== process.pid) continue;
    const args = commandLine(pid);
    const profileArg = args.find((arg) => arg.startsWith('--user-data-dir='));
    if (profileArg) found.push({ pid, profileDir: profileArg.slice('--user-data-dir='.length) });
  }
  return found;
}

/** Whether the process still runs (and is not a zombie waiting to be reaped). */
export function isProcessAlive(pid: number): boolean {
  const stat = readProcFile(pid, 'stat');
  if (stat === null) return false;
  return afterCommand(stat)[0] !== 'Z';
}

/**
 * Removes Playwright Chromium profiles that no running process uses and that have not changed for
 * `minAgeMs`: what is left behind when the crawler itself was killed. Other users' and other
 * runs' live browsers keep theirs (their command line names the directory).
 */
export async function removeOrphanedProfiles(options: { directory?: string; minAgeMs?: number } = {}): Promise<string[]> {
  const directory = options.directory ?? tmpdir();
  const minAgeMs = options.minAgeMs ?? 10 * 60_000;
  let names: string[];
  try {
    names = readdirSync(directory).filter((name) => name.startsWith(profilePrefix));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  if (names.length === 0) return [];
  const inUse = new Set<string>();
  for (const pid of processIds()) {
    for (const arg of commandLine(pid)) if (arg.startsWith('--user-data-dir=')) inUse.add(arg.slice('--user-data-dir='.length));
  }
  const removed: string[] = [];
  for (const name of names) {
    const path = join(directory, name);
    if (inUse.has(path)) continue;
    const modified = modifiedAt(path);
    if (modified === null || Date.now() - modified < minAgeMs) continue;
    if (await removeProfileDir(path)) removed.push(path);
  }
  return removed;
}

/**
 * Removes a browser profile; false when it could not be removed (it stays for the next run's
 * orphan sweep). A SIGKILLed Chromium's helper processes outlive it by a moment and still write
 * into the profile, so removal is retried with a growing wait (Node's own rm retries) before
 * giving up: losing that race must never fail a crawl.
 */
export async function removeProfileDir(path: string): Promise<boolean> {
  try {
    await rm(path, { recursive: true, force: true, maxRetries: 8, retryDelay: 50 });
    return true;
  } catch (error) {
    // Any file-system refusal (still written into, not ours, read-only): the directory stays.
    if (typeof (error as NodeJS.ErrnoException).code === 'string') return false;
    throw error;
  }
}

function processIds(): number[] {
  try {
    return readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function parentPid(pid: number): number | null {
  const stat = readProcFile(pid, 'stat');
  if (stat === null) return null;
  return Number(afterCommand(stat)[1]);
}

/** Fields of /proc/PID/stat after the command name, which may itself hold spaces and parentheses. */
function afterCommand(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function commandLine(pid: number): string[] {
  return (readProcFile(pid, 'cmdline') ?? '').split('\0').filter(Boolean);
}

/** null when the process ended meanwhile or belongs to someone we may not look at. */
function readProcFile(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ESRCH' || code === 'EACCES' || code === 'EPERM') return null;
    throw error;
  }
}

function modifiedAt(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
