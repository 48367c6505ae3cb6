/**
 * `lovkode diff` for people: the changed situations grouped by the rule that now decides them (or
 * decided them before, when nothing does now), each situation in words — the questions and the
 * answers that lead there, in the chosen language — and what was and is now the answer. The
 * identifiers of facts and values appear only in `--json`.
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

/** The texts of the facts, rules and obligations of both versions, the new version's first. */
function lookups(before: IRPack, after: IRPack) {
  const fact = (name: string) => after.facts.find((f) => f.name === name) ?? before.facts.find((f) => f.name === name)!;
  const rule = (id: string) => after.rules.find((r) => r.id === id) ?? before.rules.find((r) => r.id === id);
  const obligation = (code: string) => after.obligations.find((o) => o.code === code) ?? before.obligations.find((o) => o.code === code);
  return { fact, rule, obligation };
}

/** Writes the changes of `diffPacks` in words, grouped by rule. */
export function diffInWords(result: DiffResult, before: IRPack, after: IRPack, io: CliIO, lang: Lang, limit: number): string {
  const w = WORDS[lang];
  const find = lookups(before, after);
  const answer = (s: DecisionSummary): string => {
    if (s.outcome === null) return paint(io, 'red', s.rules.length > 0 ? `${w.conflict} ${s.rules.join(', ')}` : w.gap);
    const musts = s.obligations.map((c) => find.obligation(c)?.text[lang] ?? c);
    return `${OUTCOME[s.outcome]?.[lang] ?? s.outcome}${paint(io, 'dim', ` (${s.rules.join(', ')})`)}${musts.length > 0 ? `; ${w.must}: ${musts.join(' · ')}` : ''}`;
  };
  const situation = (d: Difference): string[] => {
    const facts = Object.entries(d.facts).map(([name, values]) => {
      const f = find.fact(name);
      const labels = values.map((v) => f.labels[f.values.indexOf(v)]?.[lang] ?? v);
      const shown = labels.length === 1 ? labels[0]! : `${w.oneOf} ${labels.join(' · ')}`;
      return `      ${f.question[lang]} ${paint(io, 'bold', shown)}`;
    });
    return [
      `  ${w.when}${d.from ? ` (${w.from} ${d.from})` : ''}:`,
      ...(facts.length > 0 ? facts : [`      ${w.every}`]),
      `    ${w.before.padEnd(8)}${answer(d.before)}`,
      `    ${w.after.padEnd(8)}${answer(d.after)}`,
    ];
  };
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
  const out: string[] = [...vocabulary(result, before, after, lang)];
  for (const [rules, list] of groups) {
    const titles = rules.split(', ').map((id) => `${id} «${find.rule(id)?.title[lang] ?? id}»`);
    out.push(paint(io, 'bold', titles.join(', ') || w.gap), ...list.flatMap(situation), '');
  }
  const n = differences.length;
  const more = result.truncated ? '+' : '';
  out.push(
    n === 0
      ? paint(io, 'green', lang === 'nb' ? 'Ingen avgjørelse er endret.' : 'No decision has changed.')
      : lang === 'nb'
        ? `${n}${more} ${n === 1 ? 'situasjon' : 'situasjoner'} avgjøres annerledes, under ${groups.size} ${groups.size === 1 ? 'regel' : 'regler'}.${result.truncated ? ` (Viser de første ${limit}; bruk --limit.)` : ''}`
        : `${n}${more} ${n === 1 ? 'situation is' : 'situations are'} decided differently, under ${groups.size} ${groups.size === 1 ? 'rule' : 'rules'}.${result.truncated ? ` (Showing the first ${limit}; use --limit.)` : ''}`,
  );
  return `${out.join('\n')}\n`;
}

/** Questions and answers only one version has, in words. */
function vocabulary(result: DiffResult, before: IRPack, after: IRPack, lang: Lang): string[] {
  const w = WORDS[lang];
  const lines = result.vocabulary.flatMap((note) => {
    const m = /^([+-]) (fact|value) (\w+)(?: = (\w+))?$/.exec(note);
    if (!m) return [];
    const [, sign, kind, name, value] = m;
    const pack = sign === '+' ? after : before;
    const fact = pack.facts.find((f) => f.name === name);
    if (!fact) return [];
    if (kind === 'fact') return [`  ${sign === '+' ? w.newQ : w.goneQ}: ${fact.question[lang]}`];
    return [`  ${sign === '+' ? w.newA : w.goneA}: ${fact.question[lang]} ${fact.labels[fact.values.indexOf(value!)]?.[lang] ?? value}`];
  });
  return lines.length > 0 ? [...lines, ''] : [];
}
