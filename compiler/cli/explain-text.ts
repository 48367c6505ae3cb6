/**
 * The text of `lovkode explain` — the answer in plain words, why (rules, reasons, citations with
 * links), what to do (a checklist) and what is still open — for the CLI and for `pack.explain()` of
 * the compile API. Pure: no streams, no files.
 */
import { OUTCOMES, type Outcome } from '../ast/types.ts';
import type { CitationOut, Decision, FactInput, InputError, Lang } from '../evaluate/types.ts';
import type { TableFact, Tables } from '../runtime/tables.ts';
import { paint } from './io.ts';
import { nextQuestion } from '../runtime/ask.ts';
import { decisiveFacts, today, validateFacts } from '../runtime/engine.ts';

/** Where the text goes: only whether it may carry ANSI colours matters. */
type Colour = { color: boolean };

const ANSWER: Record<Outcome, { nb: string; en: string }> = {
  allowed: { nb: 'Ja, dette er lov.', en: 'Yes, this is allowed.' },
  allowed_with_conditions: { nb: 'Ja, dette er lov, men bare når du gjør det som står under.', en: 'Yes, this is allowed, but only if you do what is listed below.' },
  not_allowed: { nb: 'Nei, dette er ikke lov.', en: 'No, this is not allowed.' },
  uncertain: { nb: 'Det kommer an på en juridisk vurdering som reglene ikke kan gjøre for deg.', en: 'It depends on a legal judgement that the rules cannot make for you.' },
};

const SHORT: Record<Outcome, { nb: string; en: string }> = {
  allowed: { nb: 'lov', en: 'allowed' },
  allowed_with_conditions: { nb: 'lov på vilkår', en: 'allowed with conditions' },
  not_allowed: { nb: 'ikke lov', en: 'not allowed' },
  uncertain: { nb: 'usikkert', en: 'uncertain' },
};

const T = {
  answer: { nb: 'Svar', en: 'Answer' },
  undecided: { nb: 'Ikke avgjort ennå: svaret avhenger av opplysninger du ikke har gitt.', en: 'Not settled yet: the answer depends on facts you have not given.' },
  why: { nb: 'Hvorfor', en: 'Why' },
  judgement: { nb: 'Vurdering som trengs', en: 'Judgement needed' },
  todo: { nb: 'Dette må du gjøre', en: 'What you must do' },
  open: { nb: 'Spørsmål som gjenstår', en: 'Questions that remain' },
  choices: { nb: 'Mulige svar', en: 'Possible answers' },
  possible: { nb: 'Svaret kan bli', en: 'The answer can be' },
  later: { nb: 'Svaret på dette kan gjøre noen av spørsmålene under unødvendige.', en: 'The answer to this may make some of the questions below unnecessary.' },
  unverified: { nb: 'ikke verifisert', en: 'unverified' },
  decisive: { nb: 'Opplysningene som avgjorde', en: 'The facts that decided it' },
  statute: { nb: 'Lovteksten', en: 'The statute (in Norwegian, as enacted)' },
  secondary: { nb: 'gjengitt etter en sekundærkilde', en: 'as quoted by a secondary source' },
} as const;

/** The statute texts a rule (or reason) quotes, as indented lines; empty when it quotes none. */
export function quoteLines(tables: Tables, ruleId: string, io: Colour, lang: Lang): string[] {
  const rule = tables.rules.find((r) => r.id === ruleId);
  const out: string[] = [];
  for (const i of rule?.statutes ?? []) {
    const s = tables.statutes?.[i];
    if (!s) continue;
    const note = s.status === 'secondary' ? ` ${paint(io, 'yellow', `(${T.secondary[lang]})`)}` : '';
    out.push(`    ${paint(io, 'dim', `${T.statute[lang]}, ${s.ref}${note}:`)}`);
    for (const item of wrap(`«${s.text}»`, 88).map((l) => `      ${l}`)) out.push(item);
  }
  return out;
}

/** Breaks a text into lines of at most `width` characters, at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

function citation(c: CitationOut, io: Colour, lang: Lang): string {
  const mark = c.status === 'unverified' ? ` ${paint(io, 'yellow', `(${T.unverified[lang]})`)}` : '';
  return `${c.ref}${mark} — ${c.url}`;
}

/**
 * The decision as readable text. `facts` gives the questions and answer labels; `decisive` the facts
 * that mattered (fact index → value index); with `quotes`, the statute text under each reason.
 */
export function explainText(
  d: Decision, facts: readonly TableFact[], possible: readonly Outcome[], io: Colour, lang: Lang, decisive: readonly [number, number][] = [], quotes?: Tables,
): string {
  const out: string[] = [];
  const heading = (text: string): void => {
    out.push('', paint(io, 'bold', text));
  };
  out.push(`${paint(io, 'bold', `${T.answer[lang]}:`)} ${d.outcome === null ? T.undecided[lang] : ANSWER[d.outcome][lang]}`);
  if (d.outcome === null && possible.length > 0) {
    out.push(`${T.possible[lang]}: ${OUTCOMES.filter((o) => possible.includes(o)).map((o) => SHORT[o][lang]).join(', ')}.`);
  }
  if (d.reasons.length > 0) {
    heading(T.why[lang]);
    for (const r of d.reasons) {
      out.push(`  • ${r.text} ${paint(io, 'dim', `(${r.rule})`)}`);
      if (r.judgement) out.push(`    ${T.judgement[lang]}: ${r.judgement}`);
      for (const c of r.citations) out.push(`    ${citation(c, io, lang)}`);
      if (quotes) for (const item of quoteLines(quotes, r.rule, io, lang)) out.push(item);
    }
  }
  if (decisive.length > 0) {
    heading(T.decisive[lang]);
    for (const [f, v] of decisive) out.push(`  • ${facts[f]!.question[lang]} ${paint(io, 'bold', facts[f]!.labels[v]![lang])}`);
  }
  if (d.obligations.length > 0) {
    heading(T.todo[lang]);
    for (const o of d.obligations) {
      out.push(`  [ ] ${o.text} ${paint(io, 'dim', `(${o.code})`)}`);
      for (const c of o.citations) out.push(`      ${citation(c, io, lang)}`);
    }
  }
  if (d.outcome === null && d.missing.length > 0) {
    heading(`${T.open[lang]} (${d.missing.length})`);
    d.missing.forEach((name, i) => {
      const fact = facts.find((f) => f.name === name);
      out.push(`  ${i + 1}. ${fact ? fact.question[lang] : name} ${paint(io, 'dim', `(${name})`)}`);
      if (i > 0 || !fact) return;
      // The next question gets its answers; the rest may not be needed once it is answered.
      out.push(`     ${T.choices[lang]}:`);
      const order = fact.type === 'boolean' ? [1, 0] : fact.values.map((_, v) => v);
      for (const v of order) out.push(`       - ${fact.labels[v]![lang]} ${paint(io, 'dim', `(${fact.values[v]})`)}`);
      if (d.missing.length > 1) out.push(`     ${paint(io, 'dim', T.later[lang])}`);
    });
  }
  return `${out.join('\n')}\n`;
}

/** Explains the decision on `facts` as text (as `lovkode explain` prints it), or says what is wrong with the input. */
export function explainFacts(tables: Tables, facts: FactInput | unknown, options: { date?: string; lang?: Lang; color?: boolean; quote?: boolean } = {}): string | { error: InputError } {
  const lang = options.lang ?? 'nb';
  const result = nextQuestion(tables, facts, { lang, ...(options.date ? { date: options.date } : {}) });
  if ('error' in result) return result;
  const valid = validateFacts(tables, facts);
  const assignment = 'assignment' in valid ? valid.assignment : new Int32Array(0);
  const decisive = decisiveFacts(tables, assignment, options.date ?? today()).map((f): [number, number] => [f, assignment[f]!]);
  return explainText(result.decision, tables.facts, result.question?.possible ?? [], { color: options.color ?? false }, lang, decisive, options.quote ? tables : undefined);
}
