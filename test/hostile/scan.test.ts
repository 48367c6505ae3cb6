/**
 * The fast path of `decide --batch` (compiler/cli/scan.ts) reads plain lines of facts straight from
 * their bytes. Property: on hostile lines — names out of order or repeated, escapes, wrong types,
 * white space JSON does and does not allow, a byte-order mark, trailing bytes, lines cut across
 * chunks — its output is byte for byte that of the general path (JSON.parse and the engine's checks).
 */
import fc from 'fast-check';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decideNdjson } from '../../compiler/cli/batch.ts';
import { factScanner, lineDecider } from '../../compiler/cli/scan.ts';
import { loadDefaultTables } from '../../compiler/bundled.ts';
import { decide } from '../../compiler/runtime/engine.ts';
import type { Lang } from '../../compiler/evaluate/types.ts';

const tables = await loadDefaultTables();
const DATE = '2026-07-02';

/** decide --batch on `chunks`, with the fast path or without it: exit code and output. */
async function batch(chunks: Buffer[], lang: Lang, fast: boolean): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const io = { stdin: Readable.from(chunks), stdout, stderr: new PassThrough(), cwd: '/', color: false };
  const decideOne = (facts: unknown) => decide(tables, facts, { lang, date: DATE });
  const code = await decideNdjson({ io, lang }, decideOne, fast ? lineDecider(tables, DATE, lang) : undefined);
  return { code, out };
}

const fact = fc.constantFrom(...tables.facts);
const space = fc.constantFrom('', '', '', ' ', '\t', '\r', '  ', '\u00a0', '\u2028');
const name = fc.oneof(
  { weight: 8, arbitrary: fact.map((f) => JSON.stringify(f.name)) },
  { weight: 1, arbitrary: fc.constantFrom('"__proto__"', '"chan\\u006eel"', '"channel\\""', '""', '"nope"', 'channel', '"channel', '"hasConsent\u0000"') },
);
const value = (f: (typeof tables.facts)[number]) =>
  fc.oneof(
    { weight: 8, arbitrary: f.type === 'boolean' ? fc.constantFrom('true', 'false') : fc.constantFrom(...f.values.map((v) => JSON.stringify(v))) },
    { weight: 2, arbitrary: fc.constantFrom('null', 'nul', 'true', 'falsey', '1', '"email"', '"e\\u006dail"', '"email\\""', '{}', '["email"]', '"emai', '"', '"sms_mms"x') },
  );
/** A name or value with a character more or less, inside the quotes, after them or instead of the closing one. */
const near = (text: string) => fc.constantFrom(JSON.stringify(`${text}x`), `"${text}x`, JSON.stringify(text.slice(0, -1)), `${JSON.stringify(text)}x`, JSON.stringify(text.toUpperCase()));
const member = fact
  .chain((f) => {
    const own = f.type === 'boolean' ? ['true', 'false'] : f.values;
    const key = fc.oneof({ weight: 6, arbitrary: fc.constant(JSON.stringify(f.name)) }, { weight: 1, arbitrary: name }, { weight: 1, arbitrary: near(f.name) });
    const val = fc.oneof({ weight: 6, arbitrary: value(f) }, { weight: 1, arbitrary: fc.constantFrom(...own).chain(near) });
    return fc.tuple(key, space, space, val, space);
  }).map(([n, s1, s2, v, s3]) => `${n}${s1}:${s2}${v}${s3}`);
const line = fc
  .tuple(fc.constantFrom('', '', '', ' ', '\uFEFF', 'x'), space, fc.array(member, { maxLength: 30 }), fc.constantFrom(',', ',', ',', ', ', ',,', ''), fc.constantFrom('}', '}', '}', '} ', '}\r', '}}', '} x', ''))
  .map(([head, s, members, comma, tail]) => `${head}{${s}${members.join(comma)}${tail}`);

describe('decide --batch: the fast path and the general path agree', () => {
  it('property: the same output and exit code on hostile lines, cut into chunks anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 5 }), fc.constantFrom<Lang>('nb', 'en'), async (lines, cuts, lang) => {
        const bytes = Buffer.from(`${lines.join('\n')}\n`);
        const at = [...new Set(cuts.map((c) => c % bytes.length))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, i) => bytes.subarray(from, at[i] ?? bytes.length)).filter((c) => c.length > 0);
        expect(await batch(chunks, lang, true)).toEqual(await batch(chunks, lang, false));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a plain line of facts, complete or partial, and leaves escapes and unknown names to the general path', () => {
    const scan = factScanner(tables);
    const assignment = new Int32Array(tables.facts.length);
    const read = (text: string): boolean => scan(Buffer.from(`${text}\n`), 0, Buffer.byteLength(text), assignment);
    expect(read('{"channel":"email","hasConsent":true}')).toBe(true);
    expect(read(' { "hasConsent" : false , "channel" : null }\r')).toBe(true);
    expect(read('{}')).toBe(true);
    expect(read('{"chan\\u006eel":"email"}')).toBe(false);
    expect(read('{"channel":"email","nope":1}')).toBe(false);
    expect(read('{"channel":"email"} x')).toBe(false);
  });
});
