/**
 * The decision API on a compiled pack: `decide`, `nextQuestion` and `runExamples`, all exact for
 * partial facts. Thin wrappers over the browser-safe runtime so that every caller decides alike.
 */
import type { Pack } from '../pipeline.ts';
import * as engine from '../runtime/engine.ts';
import { runExamples as runOn, type ExampleResult } from './examples.ts';

export type { Decision, FactInput, InputError, Lang, Question, CitationOut, ObligationOut, ReasonOut } from './types.ts';
export type { ExampleResult, ExampleFailure } from './examples.ts';
export type { DecideOptions } from '../runtime/engine.ts';
export { interpret } from './interpret.ts';

/** Decides a case: `decide(pack, { channel: 'email', recipientType: 'private_person' }, { lang: 'en' })`. */
export function decide(pack: Pack, facts: unknown, options?: engine.DecideOptions) {
  return engine.decide(pack.tables, facts, options);
}

/** The decision so far and the next question to ask, if any: `nextQuestion(pack, answers)`. */
export function nextQuestion(pack: Pack, facts: unknown, options?: engine.DecideOptions) {
  return engine.nextQuestion(pack.tables, facts, options);
}

/** Runs the `example` blocks of a pack: `runExamples(pack)`. */
export function runExamples(pack: Pack): ExampleResult[] {
  return runOn(pack.ir, pack.tables);
}
