/**
 * One step of the questionnaire, computed from the answers: the next question or the result, what
 * «back» and «change» lead to, what would make a refusal allowed, and the receipt. The server page and
 * the browser script both call `questionnaireStep`, so the two paths show exactly the same thing.
 */
import { questionnaireState, validateFacts, whatWouldChange, type ChangeSet, type QuestionnaireState } from '../../compiler/runtime/index.ts';
import type { Tables } from '../../compiler/runtime/tables.ts';
import { statuteHtml } from './statute-html.ts';
import { screenHtml, type ScreenHtml } from './screen-html.ts';
import type { CitationOut, Decision, InputError, Lang } from '../../compiler/evaluate/types.ts';
import { withoutAnswer, type Answers } from './answers.ts';

/** The downloadable record of a result: enough to decide it again with `lovkode decide`. */
export interface Receipt {
  tool: 'lovkode';
  rulesVersion: string;
  date: string;
  lang: Lang;
  facts: Answers;
  decision: Decision;
}

export interface Step {
  lang: Lang;
  date: string;
  state: QuestionnaireState;
  /**
   * The answers to carry on: those on the path so far, plus later ones that can still matter (kept
   * while an earlier answer is being changed); answers that can no longer matter are dropped.
   */
  answers: Answers;
  /** The answers one question back (the last answer removed), or undefined at the first question. */
  back?: Answers;
  /** The answers a «Change» link of an answered question leads to: that answer removed (a screen's with every fact its «yes» set). */
  unanswer: (answered: { fact: string; facts?: string[] }) => Answers;
  /** For a refusal or an uncertain answer: the smallest sets of changes that would make it allowed. */
  changes: ChangeSet[];
  /** Set once the decision is settled. */
  receipt?: Receipt;
  /** With a screen question: its list of conditions and data-confirms attribute (HTML), made here so only the questionnaire carries them. */
  screen?: ScreenHtml;
  /** With a result: the statute texts (HTML) a «Legal basis» line opens to, for its citations. */
  quote?: (citations: CitationOut[]) => string;
}

/** The step for `answers` on `date`: `questionnaireStep(tables, { channel: 'email' }, 'nb', '2026-07-02')`. */
export function questionnaireStep(tables: Tables, given: Answers, lang: Lang, date: string): Step | { error: InputError } {
  const state = questionnaireState(tables, given, { lang, date });
  if ('error' in state) return state;
  const stillOpen = new Set(state.decision.missing);
  const answers: Answers = { ...state.facts };
  // A screen answered «no» travels as NAME=false, so its facts are asked one by one.
  for (const name of state.declined) answers[name] = false;
  if (state.question) {
    for (const [fact, value] of Object.entries(given)) {
      if (!(fact in answers) && stillOpen.has(fact) && fact !== state.question.fact && !state.question.confirms?.some((c) => c.fact === fact)) answers[fact] = value;
    }
  }
  const last = state.answered.at(-1);
  const screen = state.question && screenHtml(state.question);
  const outcome = state.decision.outcome;
  let changes: ChangeSet[] = [];
  if (outcome === 'not_allowed' || outcome === 'uncertain') {
    const valid = validateFacts(tables, state.facts);
    if ('assignment' in valid) changes = whatWouldChange(tables, valid.assignment, date, lang);
  }
  return {
    lang,
    date,
    state,
    answers,
    ...(last ? { back: withoutAnswer(answers, last) } : {}),
    unanswer: (a) => withoutAnswer(answers, a),
    changes,
    ...(screen ? { screen } : {}),
    ...(outcome !== null
      ? { receipt: { tool: 'lovkode', rulesVersion: tables.version, date, lang, facts: state.facts, decision: state.decision }, quote: (list: CitationOut[]) => statuteHtml(list, tables.statutes ?? [], lang) }
      : {}),
  };
}

/** The answers that lead to the result of a change set: the answers given, changed and completed by it. */
export function answersAfter(step: Step, change: ChangeSet): Answers {
  const next: Answers = { ...step.state.facts };
  for (const a of [...change.actions, ...change.assuming]) next[a.fact] = a.value;
  return next;
}
