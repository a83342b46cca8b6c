#!/usr/bin/env node
// The `indicia` command. The TypeScript sources are compiled by `npm ci` (the root `prepare` script).
import { runCli } from '../dist/main.js';

process.exitCode = await runCli(process.argv);
