/** Runs the CLI in-process with in-memory streams: `await lovkode(['decide', '--facts', '{}'], '', cwd)`. */
import { PassThrough, Readable } from 'node:stream';
import { run } from '../../compiler/cli/main.ts';

/** One CLI run: exit code, stdout and stderr. */
export async function lovkode(args: string[], input = '', cwd = process.cwd()): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const code = await run(args, { stdin: Readable.from(input ? [input] : []), stdout, stderr, cwd, color: false });
  return { code, out, err };
}
