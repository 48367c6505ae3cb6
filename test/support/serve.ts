/** Starts the built CLI's `lovkode serve` for tests that talk to it over real HTTP. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'lovkode.mjs');

/** A running `lovkode serve`: its process, its URL and what it printed so far. */
export interface Served {
  child: ChildProcess;
  url: string;
  log: () => string;
}

/** Starts `lovkode serve` on a free port; resolves with the process and its URL. */
export function startServe(args: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`lovkode serve did not start:\n${log}`)), 30_000);
    child.stdout!.on('data', (c: Buffer) => {
      log += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, log: () => log });
      }
    });
    child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    child.once('exit', (code) => reject(new Error(`lovkode serve exited with ${code}:\n${log}`)));
  });
}

/** One `lovkode serve` for a whole test file, started before its tests and stopped after: `const serve = serveForFile()`, then `serve().url` in a test. */
export function serveForFile(): () => Served {
  let served: Served | undefined;
  beforeAll(async () => {
    served = await startServe();
  }, 60_000);
  afterAll(() => {
    if (served?.child.exitCode === null) served.child.kill('SIGTERM');
  });
  return () => served!;
}
