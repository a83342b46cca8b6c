#!/usr/bin/env node
// The npm registry mirror on the project's build machines serves turbo's Linux binaries only, so a
// lockfile written there lacks turbo's macOS and Windows packages, and `npm ci` then refuses the
// lockfile everywhere ("Missing: @turbo/darwin-64 from lock file"). This adds the missing entries
// (version, os, cpu; npm checks them against the registry's own integrity when it downloads them).
// Run it after any `npm install` that rewrites package-lock.json on such a machine.
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const turbo = lock.packages['node_modules/turbo'];
const platforms = {
  '@turbo/darwin-64': { os: ['darwin'], cpu: ['x64'] },
  '@turbo/darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  '@turbo/windows-64': { os: ['win32'], cpu: ['x64'] },
  '@turbo/windows-arm64': { os: ['win32'], cpu: ['arm64'] },
};
let added = 0;
for (const [name, { os, cpu }] of Object.entries(platforms)) {
  const key = `node_modules/${name}`;
  if (lock.packages[key] || !turbo?.optionalDependencies?.[name]) continue;
  lock.packages[key] = { version: turbo.optionalDependencies[name], cpu, dev: true, license: 'MIT', optional: true, os };
  added++;
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`package-lock.json: added ${added} turbo platform entries\n`);
