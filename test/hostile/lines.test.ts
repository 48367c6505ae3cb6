/**
 * Line discipline of `decide --batch`: a line is what ends in `\n` (an optional `\r` before it is
 * dropped); every other control character belongs to its line; line n out belongs to line n in.
 * Property-tested with fast-check on hostile lines (control characters, deep nesting, huge tokens,
 * invalid UTF-8).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineGroups } from '../../compiler/cli/lines.ts';
import { cli, expectClean, jsonLines } from './support.ts';

async function split(chunks: (string | Buffer)[], max = 1 << 20) {
  const out = [];
  for await (const group of lineGroups((async function* () { yield* chunks; })(), max)) out.push(...group);
  return out;
}

describe('lines of a byte stream', () => {
  it('splits at \\n only; \\r\\n loses its \\r; a lone \\r, U+2028, NUL and ESC stay in the line', async () => {
    const lines = await split(['a\rb\n', 'c\r\n', 'd\u2028e\u0000\u001bf\n', 'last']);
    expect(lines).toEqual([
      { n: 1, text: 'a\rb' },
      { n: 2, text: 'c' },
      { n: 3, text: 'd\u2028e\u0000\u001bf' },
      { n: 4, text: 'last' },
    ]);
  });

  it('joins lines across chunks, also a \\r\\n cut between chunks and a character cut between its bytes', async () => {
    const ae = Buffer.from('æ');
    const lines = await split([Buffer.from('{"a":"'), ae.subarray(0, 1), Buffer.concat([ae.subarray(1), Buffer.from('"}\r')]), '\nx\n']);
    expect(lines).toEqual([{ n: 1, text: '{"a":"æ"}' }, { n: 2, text: 'x' }]);
  });

  it('reports invalid UTF-8 with its byte offset in the input, and a line over the limit without holding it', async () => {
    const lines = await split([Buffer.from('ok\nab'), Buffer.from([0xff]), Buffer.from('\n'), 'x'.repeat(50), 'y'.repeat(50), '\nz\n'], 64);
    expect(lines).toEqual([
      { n: 1, text: 'ok' },
      { n: 2, error: 'E_ENCODING', offset: 5 },
      { n: 3, error: 'E_LIMIT_SIZE' },
      { n: 4, text: 'z' },
    ]);
  });
});

describe('decide --batch keeps its lines', () => {
  it('a bare carriage return inside a JSON line does not split it (was 2 lines in, 3 out)', async () => {
    const r = await cli(['decide', '--batch'], '{"channel":"email"}\n{"channel":\r"email"}\n');
    expectClean(r);
    const lines = jsonLines(r.out);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.outcome).toBeNull();
  });

  it('invalid UTF-8 on a line is an E_ENCODING line with the byte offset; the batch goes on', async () => {
    const r = await cli(['decide', '--batch'], Buffer.concat([Buffer.from('{"channel":"e'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n{"channel":"email"}\n')]));
    const lines = jsonLines(r.out);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.error).toMatchObject({ code: 'E_ENCODING', line: 1, value: 13 });
    expect(lines[1]!.outcome).toBeNull();
    expect(r.code).toBe(2);
  });

  const hostileLine = fc.oneof(
    fc.json({ maxDepth: 4 }),
    fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', '\\', '\r', '\u2028', '\u0000', '\u001b', '\t', ' ', 'a', ':', ',') , maxLength: 60 }),
    fc.integer({ min: 60, max: 3_000 }).map((n) => `{"channel":${'['.repeat(n)}`),
    fc.integer({ min: 1_000, max: 20_000 }).map((n) => `{"${'x'.repeat(n)}":true}`),
    fc.constantFrom('{"channel":"email"}', '{"hasConsent":true,"channel":"sms_mms"}', '', '   ', '{}'),
  );

  it('property: n lines in give n lines out, each a decision, an error object or blank', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileLine, { minLength: 1, maxLength: 12 }), async (lines) => {
        const r = await cli(['decide', '--batch'], `${lines.join('\n')}\n`);
        expectClean(r);
        const out = r.out.split('\n').slice(0, -1);
        expect(out).toHaveLength(lines.length);
        out.forEach((line, i) => {
          if (lines[i]!.trim() === '') return expect(line).toBe('');
          const parsed = JSON.parse(line) as { outcome?: unknown; error?: { code: string; line: number } };
          if (parsed.error) expect(parsed.error.line).toBe(i + 1);
          else expect(parsed).toHaveProperty('outcome');
        });
      }),
      { numRuns: 40 },
    );
  });
});
