/** Starts the built CLI's `lovkode serve` for tests that talk to it over real HTTP. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'lovkode.mjs');

/** Starts `lovkode serve` on a free port; resolves with the process and its URL. */
export function startServe(args: string[] = []): Promise<{ child: ChildProcess; url: string; log: () => string }> {
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

