import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const cliBin = fileURLToPath(new URL('../../bin/indicia.js', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `indicia` command in a child process, as a user would. */
/** `input`, when given, is written to the command's stdin (which is closed after it). */
export function runIndicia(args: string[], options: { env?: Record<string, string>; timeoutMs?: number; input?: string } = {}): Promise<CliResult> {
  const child = spawnIndicia(args, options);
  if (options.input !== undefined) child.stdin!.end(options.input);
  return collect(child, options.timeoutMs ?? 120_000);
}

export function spawnIndicia(args: string[], options: { env?: Record<string, string>; input?: string } = {}): ChildProcess {
  return spawn(process.execPath, [cliBin, ...args], {
    env: { ...process.env, INDICIA_DATA: '', ...options.env },
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
}

export function collect(child: ChildProcess, timeoutMs: number): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`indicia timed out after ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `indicia-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
