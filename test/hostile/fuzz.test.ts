/**
 * Fuzzing the readers with hostile input (fast-check): facts JSON, CSV and rule text with deep
 * nesting, huge tokens, control characters, invalid UTF-8 and unbalanced quotes. Every run must end
 * in a clean answer — a coded error or a result — within its budget, never E_INTERNAL or a throw.
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../compiler/load/index.ts';
import { parse } from '../../compiler/parser/index.ts';
import { cli, expectClean, QUICK_SECONDS } from './support.ts';

const CODE = /^E_[A-Z_]+$/;

const ruleText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.array(fc.constantFrom('rule', 'fact', 'condition', 'when', 'then', 'not', '(', ')', '"', '"x"', 'a', '=', 'and', 'or', '\n', '\r', '\u0000', '\u2028', '@', 'import', 'exception', 'to', '2026-13-45', '#'), { maxLength: 200 }).map((t) => t.join(' ')),
  fc.integer({ min: 60, max: 5_000 }).map((n) => `condition c\n  means ${'('.repeat(n)}a${')'.repeat(n)}\n`),
  fc.integer({ min: 60, max: 5_000 }).map((n) => `condition c\n  means ${'not '.repeat(n)}a\n`),
  fc.integer({ min: 1_000, max: 100_000 }).map((n) => `fact ${'x'.repeat(n)} is true or false\n`),
);

describe('fuzz: rule text', () => {
  it('parse never throws and reports at most the capped number of diagnostics', () => {
    fc.assert(
      fc.property(ruleText, (text) => {
        const t0 = performance.now();
        const r = parse(text, 'fuzz.lov');
        expect(r.diagnostics.length).toBeLessThanOrEqual(1_001);
        expect((performance.now() - t0) / 1000).toBeLessThan(QUICK_SECONDS);
      }),
      { numRuns: 150 },
    );
  });

  it('rule files of random bytes load with diagnostics, never a throw or U+FFFD', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lovkode-fuzz-'));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const path = join(dir, 'f.lov');
        writeFileSync(path, bytes);
        const r = loadFiles([path]);
        for (const text of r.texts.values()) expect(text).not.toContain('\uFFFD');
      }),
      { numRuns: 100 },
    );
  });
});

describe('fuzz: facts and CSV through the CLI', () => {
  it('--facts with hostile JSON gives a decision or a coded error', async () => {
    const facts = fc.oneof(
      fc.json({ maxDepth: 6 }),
      fc.string({ maxLength: 80 }),
      fc.integer({ min: 65, max: 20_000 }).map((n) => `{"channel":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`),
      fc.dictionary(fc.string({ maxLength: 30 }), fc.oneof(fc.string({ maxLength: 30 }), fc.boolean(), fc.constant(null), fc.array(fc.integer()))).map((o) => JSON.stringify(o)),
    );
    await fc.assert(
      fc.asyncProperty(facts, async (text) => {
        const r = await cli(['decide', '--facts', text]);
        expectClean(r);
        const answer = JSON.parse(r.out) as { error?: { code: string } };
        if (answer.error) expect(answer.error.code).toMatch(CODE);
        expect(r.seconds).toBeLessThan(QUICK_SECONDS);
      }),
      { numRuns: 25 },
    );
  });

  it('--csv with unbalanced quotes, control characters and invalid UTF-8 gives clean lines', async () => {
    const cell = fc.oneof(fc.constantFrom('email', 'true', 'false', '', '"', '""', '"a,b"', '\r', '\u0000', ';', 'sms_mms'), fc.string({ maxLength: 10 }));
    const row = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));
    const input = fc.tuple(fc.array(row, { maxLength: 8 }), fc.option(fc.uint8Array({ minLength: 1, maxLength: 4 }))).map(([rows, junk]) =>
      Buffer.concat([Buffer.from(`channel,hasConsent\n${rows.join('\n')}\n`), Buffer.from(junk ?? [])]),
    );
    await fc.assert(
      fc.asyncProperty(input, async (bytes) => {
        const r = await cli(['decide', '--csv'], bytes);
        expectClean(r);
        for (const line of r.out.split('\n').slice(0, -1)) {
          if (line === '') continue;
          const parsed = JSON.parse(line) as { error?: { code: string } };
          if (parsed.error) expect(parsed.error.code).toMatch(CODE);
        }
        expect(r.seconds).toBeLessThan(QUICK_SECONDS);
      }),
      { numRuns: 25 },
    );
  });
});
