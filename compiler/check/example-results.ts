/**
 * Failing examples as diagnostics, one per cause. An example that fails for its own reasons is
 * LOV5001 (what was expected, what came out; for lists only the difference). Examples that fail
 * only because they do not give a fact — typically one added after they were written — are
 * LOV5010 when alone, and one LOV5011 per set of such facts when several share it, naming exactly
 * those facts and how to fix them all.
 */
import { diagnostic, type Arg } from '../diagnostics/catalogue.ts';
import type { Diagnostic, Message } from '../diagnostics/types.ts';
import type { ExampleFailure, ExampleResult } from '../evaluate/examples.ts';

/** How many of the other examples of a group are shown as related places (the message gives the count). */
const RELATED_SHOWN = 5;

const KIND = {
  outcome: { nb: 'utfallet', en: 'outcome' },
  obligations: { nb: 'pliktene', en: 'obligations' },
  rules: { nb: 'reglene', en: 'rules' },
  missing: { nb: 'at disse faktaene mangler:', en: 'missing' },
  pack: { nb: 'regelsettet', en: 'pack' },
} as const;

/** A value as each language writes it: `none` and `undecided (missing …)` are words, not names. */
function value(text: string): Message {
  const open = /^undecided \(missing (.*)\)$/.exec(text);
  if (open) return { nb: `ikke avgjort (mangler ${open[1]!.replace(/^none$/, 'ingen')})`, en: text };
  if (text === 'undecided') return { nb: 'ikke avgjort', en: text };
  if (text === 'none') return { nb: 'ingen', en: text };
  return { nb: text, en: text };
}

/** What was expected, in one language at a time: «utfallet allowed» / "outcome allowed". */
export function expected(f: ExampleFailure): Message {
  if (f.expectation === 'pack') return { nb: 'et svar', en: 'an answer' };
  const v = value(f.expected);
  return { nb: `${KIND[f.expectation].nb} ${v.nb}`, en: `${KIND[f.expectation].en} ${v.en}` };
}

/** What came out: for long lists only the difference («i tillegg X; uten Y» / "also X; without Y"). */
export function actual(f: ExampleFailure): Message {
  if (f.code === 'E_PACK_GAP') return { nb: 'ingen regel gir svar', en: 'no rule answers' };
  if (f.code === 'E_PACK_CONFLICT') {
    const ids = /^Rules (.*) give/.exec(f.actual)?.[1] ?? '';
    return { nb: `reglene ${ids} er i motstrid`, en: `rules ${ids} conflict` };
  }
  const long = f.expected.split(', ').length + f.actual.split(', ').length > 8;
  if (!long || (!f.extra && !f.lacking)) return value(f.actual);
  const part = (nbWord: string, enWord: string, xs: string[] | undefined) => (xs ? [{ nb: `${nbWord} ${xs.join(', ')}`, en: `${enWord} ${xs.join(', ')}` }] : []);
  const parts = [...part('i tillegg', 'also', f.extra), ...part('uten', 'without', f.lacking)];
  return { nb: parts.map((p) => p.nb).join('; '), en: parts.map((p) => p.en).join('; ') };
}

const givenLine = (u: NonNullable<ExampleResult['unnamed']>) => `given ${u.map((x) => `${x.fact} = ${x.value}`).join(', ')}`;

/** The fix for examples that do not give some facts: give them, or opt in to the typical values. */
function unnamedHint(u: NonNullable<ExampleResult['unnamed']>): Message {
  const allTypical = u.every((x) => x.typical);
  return {
    nb: `Med «${givenLine(u)}» består eksempelet. Skriv den linjen i eksempelet${allTypical ? ', eller «given typical» for å bruke de typiske verdiene til alle fakta eksempelet ikke oppgir' : ''}.`,
    en: `With “${givenLine(u)}” the example passes. Add that line to the example${allTypical ? ', or “given typical” to use the typical values of every fact the example does not give' : ''}.`,
  };
}

/** The first line of an example (`example "name"`), where its diagnostics point. */
function header(r: ExampleResult): ExampleResult['range'] {
  const width = `example "${r.name}"`.length;
  const { start } = r.range;
  return { ...r.range, end: { line: start.line, column: start.column + width, offset: start.offset + width } };
}

/** The diagnostics of failed examples: grouped by the facts they do not give, the rest one each. */
export function exampleDiagnostics(results: readonly ExampleResult[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const groups = new Map<string, ExampleResult[]>();
  for (const r of results) {
    if (r.passed) continue;
    if (r.unnamed) {
      const key = givenLine(r.unnamed);
      groups.set(key, [...(groups.get(key) ?? []), r]);
      continue;
    }
    for (const f of r.failures) out.push(diagnostic('LOV5001', header(r), [r.name, expected(f), actual(f)]));
  }
  for (const group of groups.values()) {
    const [first, ...rest] = group as [ExampleResult, ...ExampleResult[]];
    const u = first.unnamed!;
    const facts = u.map((x) => x.fact).join(', ');
    if (rest.length === 0) {
      const f = first.failures[0]!;
      out.push(diagnostic('LOV5010', header(first), [first.name, facts, expected(f), actual(f)], { hint: unnamedHint(u) }));
      continue;
    }
    const args: Arg[] = [String(group.length), facts, first.name];
    out.push(
      diagnostic('LOV5011', header(first), args, {
        related: rest.slice(0, RELATED_SHOWN).map((r) => ({ range: header(r), message: { nb: `også «${r.name}»`, en: `also “${r.name}”` } })),
        hint: unnamedHint(u),
      }),
    );
  }
  return out;
}
