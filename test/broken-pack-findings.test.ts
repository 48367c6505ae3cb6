/**
 * Findings of the whole-pack analysis on broken copies of the Norwegian pack, for the defects a
 * lawyer met in practice: a counterexample must hold only the facts that matter (also when the
 * defect starts in a later period), a dead exception whose parents start later is reported as
 * decided first by other rules (with an example), an obligation whose `when` never holds in its
 * rule is reported, and a gap is put at the rules whose scope ends there, not at the pack's first rule.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../compiler/diagnostics/types.ts';
import { compilePack } from '../compiler/pipeline.ts';
import { interpret } from '../compiler/evaluate/interpret.ts';
import type { IRPack } from '../compiler/ir/types.ts';

const RULES = fileURLToPath(new URL('../rules/', import.meta.url));

/** Copies the pack, lets `edit` change one file, and compiles the copy (without running its examples). */
function broken(file: string, edit: (text: string) => string) {
  const dir = mkdtempSync(join(tmpdir(), 'lovkode-findings-'));
  cpSync(RULES, dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return compilePack([join(dir, 'main.lov')], { examples: false });
}

/** The given facts and date of the example block in a hint, as fact index → value index. */
function exampleOf(ir: IRPack, d: Diagnostic): { cube: Map<number, number>; date: string } {
  const cube = new Map<number, number>();
  for (const [, list] of d.hint!.en.matchAll(/^\s*given (.*)$/gm)) {
    for (const pair of list!.split(', ')) {
      const [name, value] = pair.split(' = ');
      const f = ir.facts.findIndex((x) => x.name === name);
      cube.set(f, ir.facts[f]!.values.indexOf(value!));
    }
  }
  return { cube, date: /\bon (\d{4}-\d{2}-\d{2})/.exec(d.hint!.en)?.[1] ?? '2000-01-01' };
}

/** Random completions of a partial assignment (the pack has too many facts to enumerate them all). */
function* someCompletions(ir: IRPack, cube: Map<number, number>, n: number, seed = 7): Generator<number[]> {
  let s = seed;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 8);
  for (let k = 0; k < n; k++) yield ir.facts.map((f, i) => cube.get(i) ?? next() % f.values.length);
}

/** Whether every sampled completion of the cube shows the defect, and dropping any one of its facts does not. */
function holdsAndIsMinimal(ir: IRPack, cube: Map<number, number>, date: string, defect: (kind: string) => boolean): { holds: boolean; needless: string[] } {
  const holds = [...someCompletions(ir, cube, 300)].every((v) => defect(interpret(ir, v, date).kind));
  const needless = [...cube.keys()].filter((f) => {
    const smaller = new Map(cube);
    smaller.delete(f);
    return [...someCompletions(ir, smaller, 2000, f + 1)].every((v) => defect(interpret(ir, v, date).kind));
  });
  return { holds, needless: needless.map((f) => ir.facts[f]!.name) };
}

const DECLARATION = String.raw`(?=\n(rule|example|condition|obligation|fact|source|import|statute) |$)`;
/** Removes a rule, and the examples that name it as a reason. */
const removeRule = (id: string) => (text: string) =>
  text
    .replace(new RegExp(String.raw`\nrule ${id} [\s\S]*?${DECLARATION}`), '\n')
    .replace(new RegExp(String.raw`\nexample (?:(?!\nrule |\nexample )[\s\S])*?expect rule [^\n]*\b${id}\b[\s\S]*?${DECLARATION}`, 'g'), '\n');

/** A copy of R41 with another outcome, in force from a date, with an extra condition. */
const R41_COPY = (id: string, from: string, extra: string) =>
  `\nrule ${id} "Kopi med annet utfall"\n  when commercialMarketing and channel = unaddressed_mail and not mailboxMarkedNoAds${extra}\n  then not_allowed\n  because nb "Kopi." en "Copy."\n  cites mfl "§ 17 første ledd"\n  in force from ${from}\n`;

describe('analysis findings on broken copies of the pack', () => {
  it('gives a conflict the fewest facts over all periods, also when the simplest form starts in a later period', () => {
    // From 2009 R41 clashes with R41y only when there is consent; from 2018-07-20 also R41z clashes, consent or not.
    const r = broken('unaddressed.lov', (t) => `${t}${R41_COPY('R41y', '2009-06-01', ' and hasConsent')}${R41_COPY('R41z', '2018-07-20', '')}`);
    const conflicts = r.diagnostics.filter((d) => d.code === 'LOV4002');
    expect(conflicts.map((d) => d.message.en.replace(/[\d,]+ combinations/, 'N combinations'))).toEqual([
      'Conflict: R41 gives a different answer from R41y and R41z in N combinations of answers, and neither is an exception to the other.',
    ]);
    const { cube, date } = exampleOf(r.pack!.ir, conflicts[0]!);
    expect(date).toBe('2018-07-20');
    expect([...cube.keys()].map((f) => r.pack!.ir.facts[f]!.name)).not.toContain('hasConsent');
    const { holds, needless } = holdsAndIsMinimal(r.pack!.ir, cube, date, (k) => k === 'conflict');
    expect(holds).toBe(true);
    expect(needless).toEqual([]);
  });

  it('reports an exception whose parent starts later as decided first by other rules, with an example', () => {
    const r = broken(
      'electronic.lov',
      (t) =>
        `${t}\nrule R13x "Samtykke fra 15–17-åringer, igjen"\n  exception to R13\n  when recipientAgeGroup = age_15_to_17\n  then uncertain\n  because nb "Kopi." en "Copy."\n  judgement nb "Vurder." en "Assess."\n  cites mfl "§ 15 første ledd"\n` +
        `\nrule R13y "Unntak som alltid slår til"\n  exception to R13x\n  when recipientAgeGroup = age_15_to_17\n  then uncertain\n  because nb "Kopi." en "Copy."\n  judgement nb "Vurder." en "Assess."\n  cites mfl "§ 15 første ledd"\n`,
    );
    const dead = r.diagnostics.filter((d) => d.code === 'LOV4003' && d.message.en.includes('R13x'));
    // The rules named are those of the smallest example (with priorities, R11 is the nearest).
    expect(dead).toHaveLength(1);
    expect(dead[0]!.message.en).toMatch(/^Rule “R13x” never decides anything: other rules always decide first: /);
    expect(dead[0]!.message.nb).toMatch(/^Regelen «R13x» avgjør aldri noe: andre regler avgjør alltid først: /);
    const { cube, date } = exampleOf(r.pack!.ir, dead[0]!);
    const ir = r.pack!.ir;
    const x = ir.rules.findIndex((rule) => rule.id === 'R13x');
    for (const values of someCompletions(ir, cube, 300)) {
      const result = interpret(ir, values, date);
      expect(result.kind === 'decision' && !result.rules.includes(x)).toBe(true);
    }
  });

  it('reports an obligation whose condition can never hold where its rule decides', () => {
    const r = broken('unaddressed.lov', (t) => t.replace(/(rule R41 [\s\S]*?\n  then [a-z_]+\n)/, '$1  must IDENTIFY_SENDER when channel = fax\n'));
    const found = r.diagnostics.filter((d) => d.code === 'LOV4021');
    expect(found.map((d) => d.message.en)).toEqual(['Obligation “IDENTIFY_SENDER” in rule “R41” never applies: its condition (when) cannot hold where the rule decides.']);
    expect(found[0]!.severity).toBe('warning');
  });

  it('puts a gap at the rule whose scope ends there, not at the first rule of the pack', () => {
    // Without R90 nothing answers marketing before the 2009 act: the gap lies just outside R03, the
    // general rule about senders that covers those dates too (not at R01, the pack's first rule).
    const r = broken('history.lov', removeRule('R90'));
    const gaps = r.diagnostics.filter((d) => d.code === 'LOV4001');
    expect(gaps.map((d) => d.message.en.replace(/[\d,]+ combinations/, 'N combinations'))).toEqual([
      'Gap: no rule answers N combinations of answers just outside what R03 covers.',
    ]);
    expect(gaps[0]!.range.file).toMatch(/scope\.lov$/);
    expect(gaps[0]!.range.start.line).toBe(r.pack!.ir.rules.find((x) => x.id === 'R03')!.range.start.line);
    const { cube, date } = exampleOf(r.pack!.ir, gaps[0]!);
    const { holds, needless } = holdsAndIsMinimal(r.pack!.ir, cube, date, (k) => k === 'gap');
    expect(holds).toBe(true);
    expect(needless).toEqual([]);
  });
});
