/**
 * The questionnaire's state from a set of answers: which questions were asked, in order, with the
 * answers that still matter; the decision so far; and the next question. Answers to questions the
 * path no longer reaches are dropped, so changing an early answer keeps the later answers exactly
 * while they are still relevant. The site (with and without JavaScript) and `lovkode ask` use it.
 */
import type { Decision, FactInput, InputError, Question } from '../evaluate/types.ts';
import { nextQuestion, type DecideOptions } from './engine.ts';
import type { Tables } from './tables.ts';

export interface AnsweredQuestion {
  fact: string;
  value: string | boolean;
  question: string;
  answer: string;
}

export interface QuestionnaireState {
  /** The questions asked so far, in the order asked, with their answers. */
  answered: AnsweredQuestion[];
  /** The answers that still matter, as facts (what a receipt records and `decide` re-decides). */
  facts: Record<string, string | boolean>;
  decision: Decision;
  /** The next question, unless the decision is settled. */
  question?: Question;
  /** With a question: the most questions the rest of this path can take, this one included. */
  atMost?: number;
}

/** Replays answers in question order: `questionnaireState(tables, { channel: 'email', … }, { lang: 'en' })`. */
export function questionnaireState(tables: Tables, answers: FactInput, options: DecideOptions = {}): QuestionnaireState | { error: InputError } {
  const facts: Record<string, string | boolean> = {};
  const answered: AnsweredQuestion[] = [];
  for (;;) {
    const step = nextQuestion(tables, facts, options);
    if ('error' in step) return step;
    const q = step.question;
    const given = q ? answers[q.fact] : undefined;
    if (!q || given === undefined || given === null) return { answered, facts, decision: step.decision, ...(q ? { question: q, atMost: step.atMost! } : {}) };
    const choice = q.values.find((v) => v.value === given);
    if (!choice) {
      const fact = tables.facts.find((f) => f.name === q.fact)!;
      const choices = fact.type === 'boolean' ? ['true', 'false'] : fact.values;
      return { error: { code: 'E_BAD_VALUE', message: `${JSON.stringify(given)} is not a valid value of ${q.fact} (ugyldig verdi).`, field: q.fact, value: given, choices } };
    }
    facts[q.fact] = given;
    answered.push({ fact: q.fact, value: given, question: q.text, answer: choice.label });
  }
}
