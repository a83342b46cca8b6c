import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { UsageError } from '@indicia/core';
import { browserInstallCommand, findBrowserExecutable } from './browser-executable.js';

describe('findBrowserExecutable', () => {
  it('finds a browser on this machine (tests need one)', () => {
    const found = findBrowserExecutable();
    if (!found.found) assert.fail(found.message);
    assert.ok(['playwright', 'chrome', 'system'].includes(found.source));
  });

  it('takes an explicit path first, and rejects one that is not an executable file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'indicia-browser-exe-'));
    try {
      const executable = join(dir, 'my-chromium');
      await writeFile(executable, '#!/bin/sh\n');
      await chmod(executable, 0o755);
      assert.deepEqual(findBrowserExecutable({ explicitPath: executable }), { found: true, path: executable, source: 'setting' });
      assert.throws(() => findBrowserExecutable({ explicitPath: join(dir, 'missing') }), UsageError);
      const notExecutable = join(dir, 'plain-file');
      await writeFile(notExecutable, 'x');
      assert.throws(() => findBrowserExecutable({ explicitPath: notExecutable }), UsageError);
      assert.throws(() => findBrowserExecutable({ explicitPath: dir }), UsageError, 'a directory is not a browser');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('skips candidates that are missing or not executable, in order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'indicia-browser-exe-'));
    try {
      const plain = join(dir, 'chrome');
      await writeFile(plain, 'x');
      const chromium = join(dir, 'chromium');
      await writeFile(chromium, '#!/bin/sh\n');
      await chmod(chromium, 0o755);
      const found = findBrowserExecutable({
        lookForPlaywrightBrowser: false,
        installedPaths: [
          { path: join(dir, 'absent'), source: 'chrome' },
          { path: plain, source: 'chrome' },
          { path: chromium, source: 'system' },
        ],
      });
      assert.deepEqual(found, { found: true, path: chromium, source: 'system' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('answers "none" with the command that gets a browser', () => {
    const found = findBrowserExecutable({ lookForPlaywrightBrowser: false, installedPaths: [{ path: '/nonexistent/indicia/chromium', source: 'system' }] });
    assert.equal(found.found, false);
    if (found.found) return;
    assert.deepEqual(found.tried, ['/nonexistent/indicia/chromium']);
    assert.ok(found.message.includes(found.installCommand));
    assert.match(found.installCommand, /apt-get install chromium|npx playwright install chromium/);
  });

  it('picks the install command for the distribution', () => {
    assert.equal(browserInstallCommand(new Map([['ID', 'debian']])), 'sudo apt-get install chromium');
    assert.equal(browserInstallCommand(new Map([['ID', 'ubuntu'], ['ID_LIKE', 'debian']])), 'npx playwright install chromium');
    assert.equal(browserInstallCommand(new Map([['ID', 'fedora']])), 'npx playwright install chromium');
    assert.equal(browserInstallCommand(new Map()), 'npx playwright install chromium');
  });
});
