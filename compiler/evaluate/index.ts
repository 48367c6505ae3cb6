/**
 * The decision API on a compiled pack: `decide`, `nextQuestion` and `runExamples`, all exact for
 * partial facts. Thin wrappers over the browser-safe runtime so that every caller decides alike.
 */
import type { Pack } from '../pipeline.ts';
import type { Tables } from '../runtime/tables.ts';

/** Anything that carries compiled tables: a compiled Pack, or the prebuilt bundled tables. */
export type Decider = { tables: Tables };
import * as engine from '../runtime/engine.ts';
import { nextQuestion as askNext } from '../runtime/ask.ts';
import { runExamples as runOn, type ExampleResult } from './examples.ts';
import { whatWouldChange as changes } from '../runtime/counterfactual.ts';
import { questionnaireState as runtimeQuestionnaire } from '../runtime/questionnaire.ts';
import type { FactInput } from './types.ts';

export type { Decision, FactInput, InputError, Lang, Question, CitationOut, ObligationOut, ReasonOut } from './types.ts';
export type { ExampleResult, ExampleFailure } from './examples.ts';
export type { DecideOptions } from '../runtime/engine.ts';
export type { ChangeSet } from '../runtime/counterfactual.ts';
export type { QuestionnaireState, AnsweredQuestion } from '../runtime/questionnaire.ts';
export { interpret } from './interpret.ts';

/** Decides a case: `decide(pack, { channel: 'email', recipientType: 'private_person' }, { lang: 'en' })`. */
export function decide(pack: Decider, facts: unknown, options?: engine.DecideOptions) {
  return engine.decide(pack.tables, facts, options);
}

/** The decision so far and the next question to ask, if any: `nextQuestion(pack, answers)`. */
export function nextQuestion(pack: Decider, facts: unknown, options?: engine.DecideOptions) {
  return askNext(pack.tables, facts, options);
}

/** The questionnaire's state from answers (asked questions, relevant facts, decision, next question). */
export function questionnaireState(pack: Decider, answers: FactInput, options?: engine.DecideOptions) {
  return runtimeQuestionnaire(pack.tables, answers, options);
}

/** For a refusal or an uncertain answer: the smallest sets of actions that lead to an allowed outcome. */
export function whatWouldChange(pack: Decider, facts: unknown, options: engine.DecideOptions = {}) {
  const valid = engine.validateFacts(pack.tables, facts);
  if ('error' in valid) return valid;
  const bad = options.date === undefined ? undefined : engine.checkDate(options.date);
  if (bad) return { error: bad };
  return changes(pack.tables, valid.assignment, options.date ?? engine.today(), options.lang ?? 'nb');
}

/** Runs the `example` blocks of a pack: `runExamples(pack)`. */
export function runExamples(pack: Pack): ExampleResult[] {
  return runOn(pack.ir, pack.tables);
}
