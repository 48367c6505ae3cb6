/**
 * Helpers for the hostile-input suite: run the CLI in process on bytes, time it, and check that
 * the answer is clean (a coded error, never E_INTERNAL, never a stack trace).
 */
import { PassThrough, Readable } from 'node:stream';
import { expect } from 'vitest';
import { run } from '../../compiler/cli/main.ts';

export const ROOT = new URL('../../', import.meta.url).pathname;

/** Runs `lovkode args` in process with `input` (text or bytes) on stdin; returns exit code, output and seconds taken. */
export async function cli(args: string[], input: string | Buffer = '', cwd = ROOT): Promise<{ code: number; out: string; err: string; seconds: number }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const t0 = performance.now();
  const code = await run(args, { stdin: Readable.from(input.length > 0 ? [typeof input === 'string' ? Buffer.from(input) : input] : []), stdout, stderr, cwd, color: false });
  return { code, out, err, seconds: (performance.now() - t0) / 1000 };
}

/**
 * Generous bound for work that used to take minutes or ran out of memory: a 2-core machine shared
 * by eight busy processes (load average above 30) still does it well within this.
 */
export const QUICK_SECONDS = 10;

/** The output is clean: no E_INTERNAL, no stack trace. */
export function expectClean(r: { out: string; err: string; code: number }): void {
  expect(r.code).not.toBe(3);
  expect(r.out + r.err).not.toContain('E_INTERNAL');
  expect(r.out + r.err).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
}

/** The JSON lines of an output. */
export function jsonLines(out: string): Record<string, any>[] {
  return out.split('\n').slice(0, -1).map((l) => (l === '' ? {} : JSON.parse(l)));
}
