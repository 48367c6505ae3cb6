/**
 * `lovkode serve` as a process: it starts and stops cleanly, a port in use is one line with a code
 * and a non-zero exit, and a 100,000-line batch streams through with flat memory (the answer begins
 * before the request has been sent, and the server's peak RSS stays loosely bounded).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serveForFile } from './support/serve.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'lovkode.mjs');

/** Peak resident memory of a process in MB (Linux /proc), or undefined elsewhere. */
function peakRssMB(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const serve = serveForFile();

describe('lovkode serve', () => {
  it('a port in use is one line with E_PORT_IN_USE and exit 2, no stack trace', () => {
    const port = new URL(serve().url).port;
    const r = spawnSync(process.execPath, [BIN, '--lang', 'en', 'serve', '--port', port], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^lovkode: E_PORT_IN_USE: Port \d+ on 127\.0\.0\.1 is already in use/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad --port is E_BAD_PORT', () => {
    const r = spawnSync(process.execPath, [BIN, 'serve', '--port', '70000'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('E_BAD_PORT');
  });

  it('streams a 100,000-line batch: line n out for line n in, an answer before the rest is sent, memory loosely flat', async () => {
    const LINES = 100_000;
    const complete = '{"channel":"email","recipientType":"private_person","purpose":"marketing","senderActsInBusiness":true}';
    const kinds = [complete, 'not json', '', complete];
    let sent = 0;
    let answered: () => void = () => {};
    const firstAnswer = new Promise<void>((ok) => (answered = ok));
    async function* body(): AsyncGenerator<string> {
      while (sent < LINES) {
        const batch: string[] = [];
        for (let i = 0; i < 1000 && sent < LINES; i++, sent++) batch.push(kinds[sent % kinds.length]!);
        yield `${batch.join('\n')}\n`;
        // The rest waits for the first answer: a server that read the whole body first would never answer.
        if (sent === 1000) await firstAnswer;
      }
    }
    const counts = await new Promise<{ lines: number; errors: number; blanks: number; wrong: number }>((resolve, reject) => {
      const req = request(`${serve().url}/v1/decide/batch`, { method: 'POST', headers: { 'Content-Type': 'application/x-ndjson', 'Transfer-Encoding': 'chunked' } }, (res) => {
        expect(res.statusCode).toBe(200);
        let rest = '';
        const c = { lines: 0, errors: 0, blanks: 0, wrong: 0 };
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          answered();
          const parts = (rest + chunk).split('\n');
          rest = parts.pop()!;
          for (const line of parts) {
            const kind = c.lines % kinds.length;
            c.lines++;
            if (line === '') c.blanks++;
            else if (line.startsWith('{"error"')) {
              c.errors++;
              if (JSON.parse(line).error.line !== c.lines || kind !== 1) c.wrong++;
            } else if (kind === 1 || kind === 2 || !line.startsWith('{"outcome":')) c.wrong++;
          }
        });
        res.on('end', () => resolve(c));
        res.on('error', reject);
      });
      req.on('error', reject);
      Readable.from(body()).pipe(req);
    });
    expect(counts).toEqual({ lines: LINES, errors: LINES / 4, blanks: LINES / 4, wrong: 0 });
    const peak = peakRssMB(serve().child.pid!);
    if (peak !== undefined) expect(peak).toBeLessThan(200);
  }, 120_000);

  it('stops on SIGTERM with exit 0', async () => {
    const exited = new Promise<number | null>((ok) => serve().child.once('exit', (code) => ok(code)));
    serve().child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
