/**
 * Priorities (`prevails over`), reasons inside rules and statute texts: their syntax, their checks,
 * their exact meaning (on small packs and, against the interpreter, on random packs with priorities
 * and reasons), `explain --quote`, and that decisions stay as the contract says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePack } from '../compiler/pipeline.ts';
import { memoryHost } from '../compiler/load/index.ts';
import { build, freeze } from '../compiler/ir/compile.ts';
import { interpret } from '../compiler/evaluate/interpret.ts';
import { decide, decideAssignment } from '../compiler/runtime/engine.ts';
import { explainText } from '../compiler/cli/explain.ts';
import { format } from '../compiler/format/index.ts';
import { parse } from '../compiler/parser/index.ts';
import { statutesFor } from '../compiler/check/statutes.ts';
import { coverage } from '../compiler/analyse/coverage.ts';
import type { Decision } from '../compiler/evaluate/types.ts';
import { completions, irPackArb, partialArb } from './support/ir-packs.ts';
import { BASE, codes, dedent, expectDiagnostic, parseOk } from './support/dsl.ts';

/** Compiles one in-memory file with analysis and examples. */
function compile(src: string) {
  return compilePack(['p.lov'], { host: memoryHost({ 'p.lov': src }) });
}

function decided(src: string, facts: Record<string, unknown>): Decision {
  const result = compile(src);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => `${d.code} ${d.message.en}`)).toEqual([]);
  const d = decide(result.pack!.tables, facts, { lang: 'en', date: '2026-07-02' });
  if ('error' in d) throw new Error(d.error.message);
  return d;
}

const facts = dedent(`
  fact young is true or false
    question nb "Ung?" en "Young?"
  fact customer is true or false
    question nb "Kunde?" en "Customer?"
`);

/** R1 (general, from BASE) with R2 (exception, BASE) and R3 (BASE); we add R4 under R1 and R5 under R2. */
const PACK = withBase(`
  ${facts}
  rule R5 "Ung"
    exception to R2
    when young
    then uncertain
    because nb "Ung." en "Young."
    judgement nb "Kan en ung samtykke?" en "Can a young person consent?"
    cites mfl "§ 19"

  rule R4 "Kunde"
    exception to R1
    prevails over R5
    when customer
    then allowed_with_conditions
    must IDENTIFY_SENDER
    because nb "Kunde." en "Customer."
    cites mfl "§ 15 tredje ledd"
`);

function withBase(extra: string): string {
  return `${BASE}\n${dedent(extra)}`;
}

describe('prevails over', () => {
  it('sets aside the result of the rule it prevails over, even one nested under another exception', () => {
    const d = decided(PACK, { channel: 'email', hasConsent: true, young: true, customer: true });
    expect(d.outcome).toBe('allowed_with_conditions');
    expect(d.reasons.map((r) => r.rule)).toEqual(['R4']);
  });

  it('without the priority the same situation is a conflict the checker reports, and the hint suggests a priority', () => {
    const result = compile(PACK.replace('    prevails over R5\n', ''));
    const conflict = result.diagnostics.find((d) => d.code === 'LOV4002')!;
    expect(conflict).toBeDefined();
    expect(conflict.hint!.en).toContain('prevails over');
  });

  it('keeps a result whose rule nothing prevails over: the two then combine as before', () => {
    const d = decided(PACK, { channel: 'email', hasConsent: true, young: false, customer: true });
    expect(d.reasons.map((r) => r.rule).sort()).toEqual(['R2', 'R4']);
  });

  it('prevailing over a rule also sets aside what its exceptions answer in its place', () => {
    const overR2 = PACK.replace('prevails over R5', 'prevails over R2');
    expect(decided(overR2, { channel: 'email', hasConsent: true, young: true, customer: true }).reasons.map((r) => r.rule)).toEqual(['R4']);
    expect(decided(overR2, { channel: 'email', hasConsent: true, young: false, customer: true }).reasons.map((r) => r.rule)).toEqual(['R4']);
  });

  it('refuses a circle through an exception: a rule over a rule whose exception prevails over it', () => {
    const circle = PACK.replace('prevails over R5', 'prevails over R2').replace('    exception to R2\n', '    exception to R2\n    prevails over R4\n');
    expect(expectDiagnostic(circle, 'LOV2031').message.en).toContain('R2 → R5 → R4 → R2 (a rule that prevails over another also prevails over its exceptions)');
  });

  it('reports an unknown rule with a suggestion, itself, a reason and a circle', () => {
    expect(expectDiagnostic(PACK.replace('prevails over R5', 'prevails over R55'), 'LOV2030', 'R55').hint?.en).toContain('R5');
    expectDiagnostic(PACK.replace('prevails over R5', 'prevails over R4'), 'LOV2032', { last: 'R4' });
    const circle = PACK.replace('    exception to R2\n', '    exception to R2\n    prevails over R4\n');
    expect(expectDiagnostic(circle, 'LOV2031').message.en).toContain('R5 → R4 → R5');
  });

  it('warns about a priority between rules that never both apply, and about a condition part it makes redundant', () => {
    const disjoint = PACK.replace('    when customer\n', '    when customer and not young\n');
    expect(codes(disjoint)).not.toContain('LOV4011'); // the checker alone does not see it
    expect(compile(disjoint).diagnostics.map((d) => d.code)).toContain('LOV4011');
    const restated = withBase(`
      rule R6 "A"
        prevails over R7
        when hasConsent
        then allowed
        because nb "a" en "a"
        cites mfl "§ 1"
      rule R7 "B"
        when channel = letter and not hasConsent
        then not_allowed
        because nb "b" en "b"
        cites mfl "§ 2"
    `);
    const found = compile(restated).diagnostics.filter((d) => d.code === 'LOV4012');
    expect(found.map((d) => d.message.en)).toEqual(['The condition part “not hasConsent” of R7 is redundant: the priorities already have the same effect.']);
  });
});

describe('reasons', () => {
  const REASONS = withBase(`
    ${facts}
    rule R9 "Hovedregel for brev"
      exception to R3
      when channel = letter
      then not_allowed
      because nb "Brev." en "Letter."
      cites mfl "§ 15"
      reason R9a "Ung" en "Young"
        when young
        because nb "Ung mottaker." en "Young recipient."
        cites mfl "§ 19"
      reason R9b "Ikke kunde" en "Not a customer"
        when not customer
        because nb "Ikke kunde." en "Not a customer."
        quotes mfl "§ 15 tredje ledd"
    statute mfl "§ 15 tredje ledd" primary
      text "Krav om forhåndssamtykke etter første ledd gjelder heller ikke …"
  `);

  it('lists the reasons whose condition holds, in declaration order, in place of the rule; outcome unchanged', () => {
    const both = decided(REASONS, { channel: 'letter', hasConsent: false, young: true, customer: false });
    expect(both.outcome).toBe('not_allowed');
    expect(both.obligations).toEqual([]);
    expect(both.reasons.map((r) => [r.rule, r.text])).toEqual([['R9a', 'Young recipient.'], ['R9b', 'Not a customer.']]);
    const none = decided(REASONS, { channel: 'letter', hasConsent: false, young: false, customer: true });
    expect(none.reasons.map((r) => r.rule)).toEqual(['R9']);
  });

  it('keeps the decision contract: no statute text in a decision', () => {
    const d = decided(REASONS, { channel: 'letter', hasConsent: false, young: false, customer: false });
    expect(Object.keys(d).sort()).toEqual(['citations', 'missing', 'obligations', 'outcome', 'reasons']);
    expect(JSON.stringify(d)).not.toContain('Krav om forhåndssamtykke');
  });

  it('lets examples expect a reason, and counts reasons as declared names', () => {
    const ok = `${REASONS}\nexample "x"\n  given channel = letter, young = true, customer = true\n  expect rule R9a\n`;
    expect(compile(ok).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expectDiagnostic(`${REASONS}\nrule R9a "dup"\n  then allowed\n  because nb "a" en "a"\n  cites mfl "§ 1"\n`, 'LOV2007', { last: 'R9a' });
  });

  it('counts reasons in coverage, and a rule as covered when one of its reasons is', () => {
    const withExample = `${REASONS}\nexample "x"\n  given channel = letter, young = true, customer = true\n  expect rule R9a\n`;
    const { pack } = compile(withExample);
    const covered = coverage(pack!.ir, pack!.tables).rules.filter((r) => r.id.startsWith('R9'));
    expect(covered).toEqual([{ id: 'R9', covered: true }, { id: 'R9a', covered: true }, { id: 'R9b', covered: false }]);
  });

  it('warns about a reason that can never be shown', () => {
    const dead = REASONS.replace('when young\n', 'when channel = email\n');
    const d = compile(dead).diagnostics.find((x) => x.code === 'LOV4010')!;
    expect(d.message.en).toBe('Reason “R9a” is never shown: its condition cannot hold while rule R9 applies.');
  });

  it('prints canonically and idempotently', () => {
    const once = format(REASONS, 'p.lov');
    expect(once.diagnostics).toEqual([]);
    expect(format(once.text, 'p.lov').text).toBe(once.text);
    expect(once.text).toContain('\n  reason R9a "Ung" en "Young"\n    when young\n');
    expect(once.text).toContain('\n    quotes mfl "§ 15 tredje ledd"\n');
  });

  it('explain --quote prints the statute under the reason that quotes it, marked as Norwegian', () => {
    const { pack } = compile(REASONS);
    const d = decided(REASONS, { channel: 'letter', hasConsent: false, young: false, customer: false });
    const io = { color: false } as never;
    const text = explainText(d, pack!.tables.facts, [], io, 'en', [], pack!.tables);
    expect(text).toContain('The statute (in Norwegian, as enacted), mfl § 15 tredje ledd:\n      «Krav om forhåndssamtykke etter første ledd gjelder heller ikke …»');
    expect(explainText(d, pack!.tables.facts, [], io, 'en', [])).not.toContain('Krav om');
  });
});

describe('statutes', () => {
  it('prints statutes and priorities canonically', () => {
    const src = 'statute mfl "§ 15"   primary\n  text "Lovens ord."\nrule R1 "x"\n  when a\n  prevails over R2,R3\n  exception to R0\n  then allowed\n';
    expect(format(src, 'p.lov').text).toBe('statute mfl "§ 15" primary\n  text "Lovens ord."\n\nrule R1 "x"\n  exception to R0\n  prevails over R2, R3\n  when a\n  then allowed\n');
  });

  it('says that reasons come last when a rule line follows a reason', () => {
    const { diagnostics } = parse('rule R1 "x"\n  reason R1a "y"\n    when b\n  then allowed\n', 'p.lov');
    expect(diagnostics.map((d) => d.code)).toEqual(['LOV1008']);
    expect(diagnostics[0]!.hint?.en).toContain('Reasons (“reason”) come last in a rule');
  });

  it('parses a statute with its status and text', () => {
    const decl = parseOk('statute mfl "§ 15 første ledd" primary\n  text "Det er forbudt …"').declarations[0]!;
    expect(decl).toMatchObject({ kind: 'statute', source: { text: 'mfl' }, pinpoint: { value: '§ 15 første ledd' }, status: { text: 'primary' }, text: { value: 'Det er forbudt …' } });
  });

  it('matches a citation exactly, else the paragraph it is part of, else the paragraphs that are part of it', () => {
    const s = (pinpoint: string) => ({ source: 'mfl', pinpoint });
    const all = [s('§ 15'), s('§ 15 første ledd'), s('§ 13 a'), s('§ 13 andre ledd')];
    expect(statutesFor(all, 'mfl', '§ 15 første ledd')).toEqual([s('§ 15 første ledd')]);
    expect(statutesFor(all, 'mfl', '§ 15 tredje ledd')).toEqual([s('§ 15')]);
    expect(statutesFor(all, 'mfl', '§ 13')).toEqual([s('§ 13 andre ledd')]); // «§ 13 a» is another section
    expect(statutesFor(all, 'mfl', '§ 13 a andre ledd')).toEqual([s('§ 13 a')]);
    expect(statutesFor(all, 'ehl', '§ 15')).toEqual([]);
  });

  it('refuses guidance marked [R] as statute, and a quoted paragraph nobody declares', () => {
    expectDiagnostic(withBase('statute mfl "§ 15" unverified\n  text "x"'), 'LOV3021', 'unverified');
    expectDiagnostic(BASE.replace('cites mfl "§ 15"', 'quotes mfl "§ 15"'), 'LOV3022', 'mfl "§ 15"');
    expectDiagnostic(withBase('statute mfl "§ 77" primary\n  text "x"'), 'LOV3023', '"§ 77"');
  });
});

describe('random packs with priorities and reasons', () => {
  it('on settled partial facts the reasons are the rules that decide in every completion (else in some)', () => {
    fc.assert(
      fc.property(irPackArb.chain((pack) => fc.tuple(fc.constant(pack), partialArb(pack))), ([pack, partial]) => {
        const tables = freeze(pack, build(pack));
        const date = '2026-07-02';
        const got = decideAssignment(tables, Int32Array.from(partial), date, 'en');
        if ('error' in got || got.outcome === null) return;
        const named = completions(pack, partial).map((c) => {
          const r = interpret(pack, c, date);
          return new Set(r.kind === 'gap' ? [] : r.rules);
        });
        const ids = pack.rules.map((_, i) => i);
        const always = ids.filter((i) => named.every((s) => s.has(i)));
        const some = ids.filter((i) => named.some((s) => s.has(i)));
        expect(got.reasons.map((r) => r.rule)).toEqual((always.length ? always : some).map((i) => pack.rules[i]!.id));
      }),
      { numRuns: 300 },
    );
  });
});
