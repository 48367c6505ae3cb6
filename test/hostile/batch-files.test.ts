/**
 * `decide --batch` reads stdin and writes stdout directly when they are files (compiler/cli/io.ts,
 * `CliIO.files`): stdin in 1 MB pieces into one reused buffer, stdout with writev. Run for real, with
 * the binary as a child process on files, against the in-process run on the same bytes: the same
 * output and exit code, also for lines cut between pieces, a line over the size limit and invalid
 * UTF-8 at a piece's edge; a full disk is E_NO_SPACE.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from './support.ts';

const BIN = `${ROOT}bin/lovkode.mjs`;
const dir = mkdtempSync(join(tmpdir(), 'lovkode-batch-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The binary with stdin from `input` (a file) and stdout to `output` (a path or an open descriptor). */
function runOnFiles(args: string[], input: string, output: string | number): { code: number | null; err: string } {
  const inFd = openSync(input, 'r');
  const outFd = typeof output === 'number' ? output : openSync(output, 'w');
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], { stdio: [inFd, outFd, 'pipe'], encoding: 'utf8' });
    return { code: r.status, err: r.stderr };
  } finally {
    closeSync(inFd);
    if (typeof output !== 'number') closeSync(outFd);
  }
}

describe('decide --batch on files', () => {
  it('gives the in-process output byte for byte, across the 1 MB pieces it reads', async () => {
    const lines: Buffer[] = [];
    const facts = ['{"channel":"email","hasConsent":true}', '{"channel":"sms_mms"}', '{ "recipientType" : "private_person" }', '{"channel":"fax","nope":1}', '', 'not json'];
    let size = 0;
    for (let i = 0; size < 3.3 * 2 ** 20; i++) {
      let line = Buffer.from(facts[i % facts.length]!);
      if (i === 2000) line = Buffer.from(`{"channel":"${'x'.repeat(1.2 * 2 ** 20)}"}`); // over the limit, across a piece's edge
      if (i === 40_000) line = Buffer.concat([Buffer.from('{"channel":"e'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
      lines.push(line, Buffer.from(i % 7 === 0 ? '\r\n' : '\n'));
      size += line.length + 1;
    }
    const bytes = Buffer.concat(lines);
    const input = join(dir, 'in.ndjson');
    writeFileSync(input, bytes);
    const args = ['decide', '--batch', '--date', '2026-07-02', '--lang', 'en'];
    const real = runOnFiles(args, input, join(dir, 'out.ndjson'));
    const inProcess = await cli(args, bytes);
    expect(real.code).toBe(inProcess.code);
    expect(readFileSync(join(dir, 'out.ndjson'), 'utf8')).toBe(inProcess.out);
    expect(inProcess.out).toContain('E_LIMIT_SIZE');
    expect(inProcess.out).toContain('E_ENCODING');
  }, 120_000);

  it.runIf(existsSync('/dev/full'))('ENOSPC: a batch to a full disk gives E_NO_SPACE and exit 4', () => {
    const input = join(dir, 'small.ndjson');
    writeFileSync(input, '{"channel":"email"}\n'.repeat(1000));
    const full = openSync('/dev/full', 'w');
    const r = runOnFiles(['decide', '--batch', '--lang', 'en'], input, full);
    closeSync(full);
    expect(r.err).not.toContain('E_INTERNAL');
    expect(r.err).toContain('E_NO_SPACE');
    expect(r.code).toBe(4);
  }, 120_000);
});
