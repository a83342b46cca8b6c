#!/usr/bin/env node
// The `indicia` command. The TypeScript sources are compiled by `npm ci` (the root `prepare` script).
import { runCli } from '../dist/main.js';

// `indicia export | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv);
