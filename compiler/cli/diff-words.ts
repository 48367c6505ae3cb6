/**
 * `lovkode diff` for people: the changed situations grouped by the rule that now decides them (or
 * decided them before, when nothing does now), each situation in words — the questions and the
 * answers that lead there, in the chosen language — and what was and is now the answer. The
 * identifiers of facts and values appear only in `--json`. `describeDiff` gives the words as data
 * (the playground on the site renders them as HTML); `diffInWords` writes them for the terminal.
 */
import type { DecisionSummary, Difference, DiffResult } from '../analyse/diff.ts';
import type { IRPack } from '../ir/types.ts';
import type { Lang } from '../evaluate/types.ts';
import type { CliIO } from './io.ts';
import { paint } from './io.ts';

const OUTCOME: Record<string, { nb: string; en: string }> = {
  allowed: { nb: 'lov', en: 'allowed' },
  allowed_with_conditions: { nb: 'lov på vilkår', en: 'allowed with conditions' },
  not_allowed: { nb: 'ikke lov', en: 'not allowed' },
  uncertain: { nb: 'usikkert', en: 'uncertain' },
};

const WORDS = {
  nb: { when: 'Når', from: 'fra', before: 'før:', after: 'nå:', oneOf: 'ett av:', gap: 'ingen regel svarer', conflict: 'motstrid mellom', must: 'plikter', every: 'i alle situasjoner', newQ: 'Nytt spørsmål', goneQ: 'Spørsmål som er fjernet', newA: 'Nytt svar', goneA: 'Svar som er fjernet' },
  en: { when: 'When', from: 'from', before: 'before:', after: 'now:', oneOf: 'one of:', gap: 'no rule answers', conflict: 'conflict between', must: 'obligations', every: 'in every situation', newQ: 'New question', goneQ: 'Question removed', newA: 'New answer', goneA: 'Answer removed' },
} as const;

/** One decision in words: the outcome (or the gap or conflict), the rules behind it and the obligations. */
export interface AnswerInWords {
  /** «lov på vilkår» / "allowed with conditions"; for a gap or a conflict, what went wrong. */
  text: string;
  /** True for a gap or a conflict (no outcome). */
  problem: boolean;
  rules: string[];
  obligations: string[];
}

/** One changed situation in words. */
export interface SituationInWords {
  /** The first day of the period it was found in ('' = from the start). */
  from: string;
  /** The questions and the answers (one label, or «ett av: a · b») that lead there; empty = every situation. */
  facts: { question: string; answer: string; oneOf: boolean }[];
  before: AnswerInWords;
  after: AnswerInWords;
}

/** `lovkode diff` in words, as data: new and removed questions, the changes per rule, and the closing line. */
export interface DiffWords {
  /** «Nytt spørsmål: …» lines. */
  vocabulary: string[];
  /** Per deciding rule (ids with their titles, «R31 «Charity fundraising»»), its changed situations. */
  groups: { rules: string[]; title: string; situations: SituationInWords[] }[];
  /** How many situations are decided differently (after merging the same change in several periods). */
  count: number;
  /** The closing line: how many situations under how many rules, or that nothing changed. */
  summary: string;
}

/** The texts of the facts, rules and obligations of both versions, the new version's first. */
function lookups(before: IRPack, after: IRPack) {
  const fact = (name: string) => after.facts.find((f) => f.name === name) ?? before.facts.find((f) => f.name === name)!;
  const rule = (id: string) => after.rules.find((r) => r.id === id) ?? before.rules.find((r) => r.id === id);
  const obligation = (code: string) => after.obligations.find((o) => o.code === code) ?? before.obligations.find((o) => o.code === code);
  return { fact, rule, obligation };
}

/** The changes of `diffPacks` in words, grouped by rule, as data. */
export function describeDiff(result: DiffResult, before: IRPack, after: IRPack, lang: Lang, limit: number): DiffWords {
  const w = WORDS[lang];
  const find = lookups(before, after);
  const answer = (s: DecisionSummary): AnswerInWords => ({
    text: s.outcome === null ? (s.rules.length > 0 ? `${w.conflict} ${s.rules.join(', ')}` : w.gap) : (OUTCOME[s.outcome]?.[lang] ?? s.outcome),
    problem: s.outcome === null,
    rules: s.rules,
    obligations: s.outcome === null ? [] : s.obligations.map((c) => find.obligation(c)?.text[lang] ?? c),
  });
  const situation = (d: Difference): SituationInWords => ({
    from: d.from,
    facts: Object.entries(d.facts).map(([name, values]) => {
      const f = find.fact(name);
      const labels = values.map((v) => f.labels[f.values.indexOf(v)]?.[lang] ?? v);
      return { question: f.question[lang], answer: labels.length === 1 ? labels[0]! : `${w.oneOf} ${labels.join(' · ')}`, oneOf: labels.length > 1 };
    }),
    before: answer(d.before),
    after: answer(d.after),
  });
  // The same change in several periods is shown once, from the first period it appears in.
  const seen = new Set<string>();
  const differences = result.differences.filter((d) => {
    const key = JSON.stringify([d.facts, d.before, d.after]);
    return !seen.has(key) && seen.add(key);
  });
  const groups = new Map<string, Difference[]>();
  for (const d of differences) {
    const rules = (d.after.rules.length > 0 ? d.after.rules : d.before.rules).join(', ');
    groups.set(rules, [...(groups.get(rules) ?? []), d]);
  }
  const n = differences.length;
  const more = result.truncated ? '+' : '';
  const summary =
    n === 0
      ? lang === 'nb' ? 'Ingen avgjørelse er endret.' : 'No decision has changed.'
      : lang === 'nb'
        ? `${n}${more} ${n === 1 ? 'situasjon' : 'situasjoner'} avgjøres annerledes, under ${groups.size} ${groups.size === 1 ? 'regel' : 'regler'}.${result.truncated ? ` (Viser de første ${limit}; bruk --limit.)` : ''}`
        : `${n}${more} ${n === 1 ? 'situation is' : 'situations are'} decided differently, under ${groups.size} ${groups.size === 1 ? 'rule' : 'rules'}.${result.truncated ? ` (Showing the first ${limit}; use --limit.)` : ''}`;
  return {
    vocabulary: vocabulary(result, before, after, lang),
    groups: [...groups].map(([rules, list]) => {
      const ids = rules === '' ? [] : rules.split(', ');
      return { rules: ids, title: ids.map((id) => `${id} «${find.rule(id)?.title[lang] ?? id}»`).join(', ') || w.gap, situations: list.map(situation) };
    }),
    count: n,
    summary,
  };
}

/** Writes the changes of `diffPacks` in words, grouped by rule. */
export function diffInWords(result: DiffResult, before: IRPack, after: IRPack, io: Pick<CliIO, 'color'>, lang: Lang, limit: number): string {
  const w = WORDS[lang];
  const words = describeDiff(result, before, after, lang, limit);
  const answer = (a: AnswerInWords): string =>
    a.problem ? paint(io, 'red', a.text) : `${a.text}${paint(io, 'dim', ` (${a.rules.join(', ')})`)}${a.obligations.length > 0 ? `; ${w.must}: ${a.obligations.join(' · ')}` : ''}`;
  const situation = (s: SituationInWords): string[] => [
    `  ${w.when}${s.from ? ` (${w.from} ${s.from})` : ''}:`,
    ...(s.facts.length > 0 ? s.facts.map((f) => `      ${f.question} ${paint(io, 'bold', f.answer)}`) : [`      ${w.every}`]),
    `    ${w.before.padEnd(8)}${answer(s.before)}`,
    `    ${w.after.padEnd(8)}${answer(s.after)}`,
  ];
  const out: string[] = words.vocabulary.length > 0 ? [...words.vocabulary, ''] : [];
  for (const group of words.groups) out.push(paint(io, 'bold', group.title), ...group.situations.flatMap(situation), '');
  out.push(words.count === 0 ? paint(io, 'green', words.summary) : words.summary);
  return `${out.join('\n')}\n`;
}

/** Questions and answers only one version has, in words. */
function vocabulary(result: DiffResult, before: IRPack, after: IRPack, lang: Lang): string[] {
  const w = WORDS[lang];
  return result.vocabulary.flatMap((note) => {
    const m = /^([+-]) (fact|value) (\w+)(?: = (\w+))?$/.exec(note);
    if (!m) return [];
    const [, sign, kind, name, value] = m;
    const pack = sign === '+' ? after : before;
    const fact = pack.facts.find((f) => f.name === name);
    if (!fact) return [];
    if (kind === 'fact') return [`  ${sign === '+' ? w.newQ : w.goneQ}: ${fact.question[lang]}`];
    return [`  ${sign === '+' ? w.newA : w.goneA}: ${fact.question[lang]} ${fact.labels[fact.values.indexOf(value!)]?.[lang] ?? value}`];
  });
}
