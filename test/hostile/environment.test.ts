/**
 * Errors of the environment are not bugs: a reader that closes the pipe early (EPIPE) and a full
 * disk (ENOSPC, via /dev/full) get their own codes and exit status 4, never E_INTERNAL. Run for
 * real, with the binary as a child process.
 */
import { spawn } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support.ts';

const BIN = `${ROOT}bin/lovkode.mjs`;
const LINES = `${'{"channel":"email"}\n'.repeat(200_000)}`;

function runBin(args: string[], stdout: 'pipe' | number, input: string, readLines?: number): Promise<{ code: number | null; err: string; got: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', stdout, 'pipe'] });
    let err = '';
    let got = 0;
    child.stderr!.on('data', (d: Buffer) => (err += d));
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(input);
    if (child.stdout && readLines !== undefined) {
      // A reader like `head -n 1`: take the first line, then close the pipe.
      child.stdout.on('data', (d: Buffer) => {
        got += d.toString().split('\n').length - 1;
        if (got >= readLines) child.stdout!.destroy();
      });
    }
    child.on('close', (code) => resolve({ code, err, got }));
  });
}

describe('errors of the environment', () => {
  it('EPIPE: a reader that closes early gives E_PIPE and exit 4, not E_INTERNAL', async () => {
    const r = await runBin(['decide', '--batch', '--lang', 'en'], 'pipe', LINES, 1);
    expect(r.got).toBeGreaterThanOrEqual(1);
    expect(r.err).not.toContain('E_INTERNAL');
    expect(r.err).toContain('E_PIPE');
    expect(r.code).toBe(4);
  }, 120_000);

  it.runIf(existsSync('/dev/full'))('ENOSPC: writing to a full disk gives E_NO_SPACE and exit 4', async () => {
    const r = await runBin(['decide', '--lang', 'en', '--facts', '{"channel":"email"}'], openSync('/dev/full', 'w'), '');
    expect(r.err).not.toContain('E_INTERNAL');
    expect(r.err).toContain('E_NO_SPACE');
    expect(r.code).toBe(4);
  }, 120_000);
});
