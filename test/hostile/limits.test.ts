/**
 * Every limit of compiler/limits.ts: the error code, and that the call returns quickly on input
 * sized so that the old behaviour took minutes or ran out of memory (issue 11, "Why").
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { editDistance, didYouMean } from '../../compiler/diagnostics/suggest.ts';
import { jsonDepth, LIMITS } from '../../compiler/limits.ts';
import { parse } from '../../compiler/parser/index.ts';
import { cli, expectClean, jsonLines, QUICK_SECONDS } from './support.ts';

const deep = (n: number): string => `{"channel":${'['.repeat(n)}${']'.repeat(n)}}`;

// Load the pack's tables once, so the timings below are of the work, not of loading modules.
beforeAll(async () => {
  await cli(['decide', '--facts', '{}']);
});

describe('limits on facts', () => {
  it('E_LIMIT_DEPTH: a value nested 10,000 deep (was E_INTERNAL, a stack overflow)', async () => {
    const r = await cli(['decide', '--facts', deep(10_000)]);
    expectClean(r);
    expect(r.code).toBe(2);
    expect(jsonLines(r.out)[0]!.error.code).toBe('E_LIMIT_DEPTH');
    expect(r.seconds).toBeLessThan(QUICK_SECONDS);
  });

  it('E_LIMIT_DEPTH in --batch keeps the rest of the batch (was 3 lines in, 1 out)', async () => {
    const r = await cli(['decide', '--batch'], `{"channel":"email"}\n${deep(10_000)}\n{"channel":"sms_mms"}\n`);
    expectClean(r);
    const lines = jsonLines(r.out);
    expect(lines).toHaveLength(3);
    expect(lines[0]!.outcome).toBeNull();
    expect(lines[1]!.error).toMatchObject({ code: 'E_LIMIT_DEPTH', line: 2 });
    expect(lines[2]!.outcome).toBeNull();
  });

  it('depth is counted on the raw text, outside strings only', () => {
    expect(jsonDepth('{"a":"[[[[[[[["}', 3)).toBe(1);
    expect(jsonDepth('{"a":[[{"b":[]}]]}', 10)).toBe(5);
    expect(jsonDepth('['.repeat(1_000_000), 64)).toBe(65);
  });

  it('E_LIMIT_NAME: a 1 MB unknown fact name (was minutes in the did-you-mean)', async () => {
    const r = await cli(['decide', '--batch'], `{"${'a'.repeat(LIMITS.factsBytes - 100)}":1}\n`);
    expectClean(r);
    expect(jsonLines(r.out)[0]!.error.code).toBe('E_LIMIT_NAME');
    expect(r.out.length).toBeLessThan(2_000);
    expect(r.seconds).toBeLessThan(QUICK_SECONDS);
  });

  it('E_LIMIT_SIZE: a 20 MB line is skipped without being held (was out of memory after 6 minutes)', async () => {
    const big = Buffer.alloc(20 << 20, 'a');
    const r = await cli(['decide', '--batch'], Buffer.concat([Buffer.from('{"'), big, Buffer.from('":1}\n{"channel":"email"}\n')]));
    expectClean(r);
    const lines = jsonLines(r.out);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.error).toMatchObject({ code: 'E_LIMIT_SIZE', line: 1 });
    expect(lines[1]!.outcome).toBeNull();
    expect(r.seconds).toBeLessThan(QUICK_SECONDS);
  });

  it('E_LIMIT_VALUE: a value longer than the limit', async () => {
    const r = await cli(['decide', '--facts', JSON.stringify({ channel: 'e'.repeat(LIMITS.valueChars + 1) })]);
    expectClean(r);
    expect(jsonLines(r.out)[0]!.error).toMatchObject({ code: 'E_LIMIT_VALUE', field: 'channel' });
  });

  it('the banded edit distance equals the full one, capped at max + 1', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'b', 'c') }), fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'b', 'c') }), fc.integer({ min: 0, max: 6 }), (a, b, max) => {
        expect(editDistance(a, b, max)).toBe(Math.min(editDistance(a, b), max + 1));
      }),
      { numRuns: 500 },
    );
  });

  it('the did-you-mean is bounded: near names only, banded distance with an early exit', () => {
    const long = 'x'.repeat(200_000);
    const t0 = performance.now();
    expect(editDistance(long, `${long}y`, 8)).toBe(1);
    expect(editDistance(long, 'y'.repeat(200_000), 8)).toBe(9);
    expect(didYouMean('a'.repeat(1_000), ['channel', 'a'.repeat(999)])).toEqual(['a'.repeat(999)]);
    expect(didYouMean('chanel', ['channel', 'purpose'])).toEqual(['channel']);
    expect((performance.now() - t0) / 1000).toBeLessThan(QUICK_SECONDS);
  });
});

describe('limits on CSV', () => {
  it('a 100 KB header name is E_LIMIT_NAME at once (was 10 s)', async () => {
    const r = await cli(['decide', '--csv'], `${'b'.repeat(100_000)}\nx\n`);
    expectClean(r);
    expect(jsonLines(r.out)[0]!.error).toMatchObject({ code: 'E_LIMIT_NAME', line: 1 });
    expect(r.seconds).toBeLessThan(QUICK_SECONDS);
  });

  it('an unclosed quote in row 2 with 20,000 rows after it is one error, in linear time (was 2 minutes)', async () => {
    const r = await cli(['decide', '--csv'], `channel,hasConsent\n"email,true\n${'email,true\n'.repeat(20_000)}`);
    expectClean(r);
    expect(r.code).toBe(2);
    const lines = jsonLines(r.out);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.error).toMatchObject({ code: 'E_BAD_CSV', line: 2 });
    expect(r.seconds).toBeLessThan(QUICK_SECONDS);
  });

  it('E_LIMIT_CSV_RECORD: an unclosed quote followed by more than the record limit stops there', async () => {
    const rows = 'email,true\n'.repeat(Math.ceil((LIMITS.csvRecordBytes * 1.5) / 11));
    const r = await cli(['decide', '--csv'], `channel,hasConsent\nemail,true\n"email,true\n${rows}`);
    expectClean(r);
    const lines = jsonLines(r.out);
    expect(lines.at(-1)!.error).toMatchObject({ code: 'E_LIMIT_CSV_RECORD', line: 3 });
    expect(r.seconds).toBeLessThan(QUICK_SECONDS);
  });

  it('E_LIMIT_CSV_COLUMNS: a header of more columns than allowed; repeated columns found in linear time', async () => {
    const many = Array.from({ length: LIMITS.csvColumns + 1 }, (_, i) => `c${i}`).join(',');
    const r = await cli(['decide', '--csv'], `${many}\n`);
    expect(jsonLines(r.out)[0]!.error.code).toBe('E_LIMIT_CSV_COLUMNS');
    const twice = await cli(['decide', '--csv'], `${Array(LIMITS.csvColumns).fill('channel').join(',')}\n`);
    expect(jsonLines(twice.out)[0]!.error).toMatchObject({ code: 'E_BAD_CSV', field: 'channel' });
    expect(r.seconds + twice.seconds).toBeLessThan(QUICK_SECONDS);
  });
});

describe('limits on rule files', () => {
  it('LOV1020: a rule text over the size limit is not parsed', () => {
    const r = parse(`# ${'x'.repeat(LIMITS.ruleFileBytes)}\n`, 'big.lov');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['LOV1020']);
  });

  it('LOV1021: more tokens than the limit are not parsed', () => {
    const t0 = performance.now();
    const r = parse('a '.repeat(LIMITS.ruleTokens + 1), 'tokens.lov');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['LOV1021']);
    expect((performance.now() - t0) / 1000).toBeLessThan(QUICK_SECONDS * 2);
  });

  it('LOV1010: parentheses nested 10,000 deep are refused before the parser recurses', () => {
    const r = parse(`condition c\n  means ${'('.repeat(10_000)}a${')'.repeat(10_000)}\n`, 'deep.lov');
    expect(r.diagnostics.map((d) => d.code)).toContain('LOV1010');
  });

  it('LOV1022: 200,000 bad tokens on one line give a capped report (was E_INTERNAL)', async () => {
    const r = parse(`fact x is true or false\n${'@ '.repeat(200_000)}\n`, 'bad.lov');
    expect(r.diagnostics).toHaveLength(LIMITS.syntaxErrors + 1);
    expect(r.diagnostics.at(-1)!.code).toBe('LOV1022');
  });
});
