import { join } from 'node:path';
import { SqliteIndexStore } from '@indicia/indexer';
import { hostileAdsSeedUrl, startTestbed, type RunningTestbed } from '@indicia/testbed';
import { startConsole, type RunningConsole } from '../console-composition.js';
import { testbedPivotEnv } from '../testbed-pivot.js';
import { runIndicia, tempDir } from './run-cli.js';

export interface ConsoleFixtureOptions {
  seed: number;
  /** Ads of the testbed (spread over its sites). */
  ads: number;
  adminPassword: string;
  /** Seeds besides the hostile board; default: the classifieds site and the single-page app (screenshots). */
  seedUrls?: (testbed: RunningTestbed) => string[];
}

/** A crawled testbed (the hostile board included) served by the console in this process. */
export interface ConsoleFixture {
  testbed: RunningTestbed;
  dataDir: string;
  store: SqliteIndexStore;
  console: RunningConsole;
  /** 'http://127.0.0.1:PORT' — the console's origin. */
  origin: string;
  close(): Promise<void>;
}

export async function startConsoleFixture(options: ConsoleFixtureOptions): Promise<ConsoleFixture> {
  const testbed = await startTestbed({ seed: options.seed, ads: options.ads });
  const dir = tempDir('console-ui');
  const cleanUp = async () => {
    await testbed.close();
    dir.remove();
  };
  try {
    const seeds = options.seedUrls?.(testbed) ?? testbed.sites.filter((site) => site.kind === 'classifieds' || site.kind === 'single-page-app').map((site) => site.seedUrl);
    const crawl = await runIndicia(['crawl', ...seeds, hostileAdsSeedUrl, '--proxy', testbed.proxyUrl, '--data', dir.path, '--max-pages', '400', '--per-host-concurrency', '6', '--retries', '1', '--ocr-workers', '1', '--extract-workers', '1', '--json'], {
      env: testbedPivotEnv(testbed),
      timeoutMs: 150_000,
    });
    if (crawl.code !== 0) throw new Error(`crawl failed (${crawl.code}): ${crawl.stderr.slice(-2000)}`);
    const store = SqliteIndexStore.open(join(dir.path, 'index.sqlite'));
    // The console reads the first admin's password from the environment, as `indicia serve` does.
    const previous = process.env.INDICIA_ADMIN_PASSWORD;
    process.env.INDICIA_ADMIN_PASSWORD = options.adminPassword;
    let running: RunningConsole;
    try {
      running = await startConsole({ store, dataDir: dir.path, port: 0, host: '127.0.0.1' });
    } finally {
      if (previous === undefined) delete process.env.INDICIA_ADMIN_PASSWORD;
      else process.env.INDICIA_ADMIN_PASSWORD = previous;
    }
    return {
      testbed,
      dataDir: dir.path,
      store,
      console: running,
      origin: new URL(running.url).origin,
      async close() {
        await running.close();
        await store.close();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
