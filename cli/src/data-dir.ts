import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '@indicia/core';

/** Where a data directory's parts live; one place so every command agrees. */
export interface DataDirLayout {
  root: string;
  index: string;
  logs: string;
  deadLetters: string;
}

export const defaultDataDir = 'indicia-data';

export function resolveDataDir(flag: string | undefined): string {
  return resolve(flag || process.env.INDICIA_DATA || defaultDataDir);
}

export function dataDirLayout(root: string): DataDirLayout {
  return {
    root,
    index: join(root, 'index.sqlite'),
    logs: join(root, 'logs'),
    deadLetters: join(root, 'dead-letters.jsonl'),
  };
}

export function prepareDataDir(root: string): DataDirLayout {
  const layout = dataDirLayout(root);
  mkdirSync(layout.logs, { recursive: true });
  return layout;
}

/** For commands that read: a missing index is a usage problem with an obvious fix. */
export function requireIndex(root: string): DataDirLayout {
  const layout = dataDirLayout(root);
  if (!existsSync(layout.index)) {
    throw new UsageError(`no index in ${root}: run \`indicia demo\` or \`indicia crawl URL\` first, or pass --data DIR where you crawled before`);
  }
  return layout;
}
