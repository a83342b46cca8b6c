#!/usr/bin/env node
/* global process, URL */
// Builds the console's web UI: compiles console/ui (its own tsconfig, lib dom) into
// console/dist/ui/assets/ and copies the HTML shell (dist/ui/index.html, with its {{nonce}}
// placeholder) and the stylesheet next to the scripts. The console's `build` runs it after tsc -b.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const uiDir = fileURLToPath(new URL('.', import.meta.url));
const distDir = fileURLToPath(new URL('../dist/ui/', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', uiDir], { stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);
mkdirSync(`${distDir}assets`, { recursive: true });
copyFileSync(`${uiDir}static/index.html`, `${distDir}index.html`);
copyFileSync(`${uiDir}static/console.css`, `${distDir}assets/console.css`);
