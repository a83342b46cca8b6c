import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { UsageError } from '@indicia/core';

/** Where a usable browser was found, in the order they are tried. */
export type BrowserSource = 'setting' | 'playwright' | 'chrome' | 'system';

export type BrowserExecutable =
  | { found: true; path: string; source: BrowserSource }
  | {
      found: false;
      /** Every path looked at, for the message. */
      tried: string[];
      /** The one command that gets a browser on this machine. */
      installCommand: string;
      /** One line for the user: no browser, what the crawl does instead, and the command. */
      message: string;
    };

export interface FindBrowserOptions {
  /** From the setting or INDICIA_BROWSER; when given it must exist (a wrong path is a usage error, not a fallback). */
  explicitPath?: string | null;
  /** Overrides the installed-browser paths looked at after the Playwright-managed one (tests, unusual installs). */
  installedPaths?: Array<{ path: string; source: 'chrome' | 'system' }>;
  /** false skips the Playwright-managed browser (tests that need "nothing found"). */
  lookForPlaywrightBrowser?: boolean;
}

const chromePaths = [
  '/opt/google/chrome/chrome',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];
const systemChromiumPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

export const defaultInstalledPaths: ReadonlyArray<{ path: string; source: 'chrome' | 'system' }> = [
  ...chromePaths.map((path) => ({ path, source: 'chrome' as const })),
  ...systemChromiumPaths.map((path) => ({ path, source: 'system' as const })),
];

/**
 * Finds the Chromium-family browser the crawl drives: an explicit path, then the browser Playwright
 * manages, then an installed Chrome, then the distribution's Chromium. Finding none is an answer,
 * not an error: the crawl goes on over HTTP and tells the user the command that gets a browser.
 */
export function findBrowserExecutable(options: FindBrowserOptions = {}): BrowserExecutable {
  if (options.explicitPath) {
    if (!isExecutableFile(options.explicitPath)) {
      throw new UsageError(`browser executable not found or not executable: ${options.explicitPath} (setting browserExecutable / INDICIA_BROWSER)`);
    }
    return { found: true, path: options.explicitPath, source: 'setting' };
  }
  const tried: string[] = [];
  if (options.lookForPlaywrightBrowser ?? true) {
    const managed = playwrightManagedPath();
    if (managed) {
      tried.push(managed);
      if (isExecutableFile(managed)) return { found: true, path: managed, source: 'playwright' };
    }
  }
  for (const candidate of options.installedPaths ?? defaultInstalledPaths) {
    tried.push(candidate.path);
    if (isExecutableFile(candidate.path)) return { found: true, path: candidate.path, source: candidate.source };
  }
  const installCommand = browserInstallCommand();
  return {
    found: false,
    tried,
    installCommand,
    message: `no Chromium or Chrome found; pages that need a browser are fetched over HTTP and marked. To get one: ${installCommand} (or set INDICIA_BROWSER to a Chromium executable)`,
  };
}

/** Debian's own chromium package is the one that works there; elsewhere Playwright's download. */
export function browserInstallCommand(osRelease = readOsRelease()): string {
  const ids = `${osRelease.get('ID') ?? ''} ${osRelease.get('ID_LIKE') ?? ''}`.split(/\s+/);
  if (ids.includes('debian') && osRelease.get('ID') !== 'ubuntu') return 'sudo apt-get install chromium';
  return 'npx playwright install chromium';
}

function playwrightManagedPath(): string | null {
  try {
    return chromium.executablePath() || null;
  } catch (error) {
    // Playwright throws here on hosts it ships no browser build for: there is simply no managed browser.
    if (error instanceof Error) return null;
    throw error;
  }
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== undefined) return false;
    throw error;
  }
}

function readOsRelease(): Map<string, string> {
  const values = new Map<string, string>();
  let text: string;
  try {
    text = readFileSync('/etc/os-release', 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== undefined) return values;
    throw error;
  }
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=("?)(.*)\2$/.exec(line.trim());
    if (match) values.set(match[1]!, match[3]!);
  }
  return values;
}
