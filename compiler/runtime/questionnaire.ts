/**
 * The questionnaire's state from a set of answers: which questions were asked, in order, with the
 * answers that still matter; the decision so far; and the next question. Answers to questions the
 * path no longer reaches are dropped, so changing an early answer keeps the later answers exactly
 * while they are still relevant. The site (with and without JavaScript) and `lovkode ask` use it.
 *
 * A screen (several facts asked together, compiler/runtime/screens.ts) is answered by its name:
 * `NAME: true` sets the facts it lists, `NAME: false` declines it (its facts are then asked one by one).
 * Given as plain facts, a screen whose listed facts all have their «yes» values counts as answered
 * «yes», and one whose listed facts are answered otherwise is passed over.
 */
import type { Decision, FactInput, InputError, Question } from '../evaluate/types.ts';
import { nextQuestion } from './ask.ts';
import type { DecideOptions } from './engine.ts';
import type { Tables } from './tables.ts';

export interface AnsweredQuestion {
  /** The fact asked, or for a screen its name. */
  fact: string;
  value: string | boolean;
  question: string;
  answer: string;
  /** A screen answered «yes»: the facts it set (to change the answer, drop them and the screen's name). */
  facts?: string[];
}

export interface QuestionnaireState {
  /** The questions asked so far, in the order asked, with their answers. */
  answered: AnsweredQuestion[];
  /** The answers that still matter, as facts (what a receipt records and `decide` re-decides). */
  facts: Record<string, string | boolean>;
  /** The screens answered «no», which the answers carry as `NAME: false`. */
  declined: string[];
  decision: Decision;
  /** The next question, unless the decision is settled. */
  question?: Question;
  /** With a question: the most questions the rest of this path can take, this one included. */
  atMost?: number;
}

const known = (v: unknown): boolean => v !== undefined && v !== null;

/** Replays answers in question order: `questionnaireState(tables, { channel: 'email', … }, { lang: 'en' })`. */
export function questionnaireState(tables: Tables, answers: FactInput, options: DecideOptions = {}): QuestionnaireState | { error: InputError } {
  const facts: Record<string, string | boolean> = {};
  const answered: AnsweredQuestion[] = [];
  const declined: string[] = [];
  const passed: string[] = [...(options.declined ?? [])];
  for (;;) {
    const step = nextQuestion(tables, facts, { ...options, declined: passed });
    if ('error' in step) return step;
    const q = step.question;
    const given = q ? answers[q.fact] : undefined;
    const open = () => ({ answered, facts, declined, decision: step.decision, ...(q ? { question: q, atMost: step.atMost! } : {}) });
    if (!q) return open();
    if (q.type === 'screen') {
      const confirms = q.confirms!;
      if (given === false) {
        passed.push(q.fact);
        declined.push(q.fact);
        answered.push({ fact: q.fact, value: false, question: q.text, answer: q.values[1]!.label });
        continue;
      }
      if (confirms.some((c) => known(answers[c.fact]) && answers[c.fact] !== c.value)) {
        passed.push(q.fact);
        continue;
      }
      if (given === true || (!known(given) && confirms.every((c) => answers[c.fact] === c.value))) {
        for (const c of confirms) facts[c.fact] = c.value;
        answered.push({ fact: q.fact, value: true, question: q.text, answer: q.values[0]!.label, facts: confirms.map((c) => c.fact) });
        continue;
      }
      if (!known(given)) return open();
      return { error: { code: 'E_BAD_VALUE', message: `${JSON.stringify(given)} is not an answer to the screen ${q.fact}; expected true or false (ugyldig svar).`, field: q.fact, value: given, choices: ['true', 'false'] } };
    }
    if (!known(given)) return open();
    const choice = q.values.find((v) => v.value === given);
    if (!choice) {
      const fact = tables.facts.find((f) => f.name === q.fact)!;
      const choices = fact.type === 'boolean' ? ['true', 'false'] : fact.values;
      return { error: { code: 'E_BAD_VALUE', message: `${JSON.stringify(given)} is not a valid value of ${q.fact} (ugyldig verdi).`, field: q.fact, value: given!, choices } };
    }
    facts[q.fact] = given!;
    answered.push({ fact: q.fact, value: given!, question: q.text, answer: choice.label });
  }
}
