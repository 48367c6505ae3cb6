/**
 * The part of the runtime that a generated module embeds (bundled once into text by
 * runtime-bundle.ts): exactly the functions the module's code calls, so nothing else is shipped.
 */
export { checkDate, decider, today, validateFacts } from '../runtime/engine.ts';
export { nextQuestion } from '../runtime/ask.ts';
export { whatWouldChange } from '../runtime/counterfactual.ts';
