/**
 * The charity edit (issue 12): a lawyer adds a fact and a new exception to the general consent rule
 * R30, the way one naively would. `check` must answer with a screenful — the conflict cause once,
 * the examples that do not name the new fact once — and `--max-diagnostics` must cut the list
 * with a closing line. (How fast it answers is measured by hand and in the report, not here.)
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { lovkode } from './support/cli.ts';
import { CHARITY_FACT, CHARITY_RULE } from './support/charity.ts';

const RULES = fileURLToPath(new URL('../rules/', import.meta.url));

/** Copies the pack and makes the charity edit: a new yes/no fact and a new exception to R30. */
function charityEdit(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lovkode-charity-'));
  cpSync(RULES, dir, { recursive: true });
  const facts = join(dir, 'facts.lov');
  writeFileSync(facts, `${readFileSync(facts, 'utf8')}${CHARITY_FACT}`);
  const electronic = join(dir, 'electronic.lov');
  writeFileSync(electronic, `${readFileSync(electronic, 'utf8')}${CHARITY_RULE}`);
  return join(dir, 'main.lov');
}

/** The lines of `check` output that are not code frames (gutter `NN |`, the underline, `…`). */
const prose = (out: string) => out.split('\n').filter((l) => !/^\s+(\d+ )?\|/.test(l) && !/^\s+…$/.test(l) && l.trim() !== '');

describe('check on the charity edit', () => {
  let result: { code: number; out: string };
  beforeAll(async () => {
    result = await lovkode(['check', charityEdit(), '--lang', 'en']);
  }, 120_000);

  it('fails, with at most a screenful of findings', () => {
    expect(result.code).toBe(1);
    expect(prose(result.out).length).toBeLessThanOrEqual(40);
  });

  it('reports the conflict cause once: the new rule against the rules it disagrees with, with a count and an example', () => {
    const conflicts = result.out.split('\n').filter((l) => l.includes('LOV4002'));
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatch(/Conflict: R31 gives a different answer from R14, R15, .* and R22 in [\d,]+ combinations of answers/);
    expect(result.out).toContain('example "Conflict with R31"');
    expect(result.out).toMatch(/given .*charityFundraising = true/);
  });

  it('names the new fact once for all the examples that fail because they do not give it', () => {
    const lines = result.out.split('\n').filter((l) => /LOV50\d\d/.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/LOV5011: \d+ examples failed only because they do not give charityFundraising/);
    expect(result.out).toContain('With “given charityFundraising = false” the example passes.');
    expect(result.out).not.toMatch(/LOV5001/);
  });

  it('cuts the list at --max-diagnostics with a closing line that says how many more there are, in the chosen language', async () => {
    const path = charityEdit();
    const en = await lovkode(['check', path, '--max-diagnostics', '1', '--lang', 'en']);
    expect(en.out).toContain('… and 1 more diagnostic (1 error); use --max-diagnostics 2 to see them all.');
    expect(en.out.split('\n').filter((l) => /  error LOV/.test(l))).toHaveLength(1);
    const nb = await lovkode(['check', path, '--max-diagnostics', '1', '--lang', 'nb']);
    expect(nb.out).toContain('… og 1 diagnose til (1 feil); bruk --max-diagnostics 2 for å se alle.');
    const bad = await lovkode(['check', path, '--max-diagnostics', '0', '--lang', 'en']);
    expect(bad.code).toBe(2);
  }, 240_000);
});
