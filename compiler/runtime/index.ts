/**
 * The runtime: everything needed to decide with compiled tables, and nothing else (no parser, no
 * compiler, no dependencies). The site's browser script and the generated module are built from it.
 */
export { decide, validateFacts, decideAssignment, decideByRestriction, decisiveFacts, checkDate, today, type DecideOptions } from './engine.ts';
export { nextQuestion, questionWhy } from './ask.ts';
export { whatWouldChange, type ChangeSet } from './counterfactual.ts';
export { questionnaireState, type QuestionnaireState, type AnsweredQuestion } from './questionnaire.ts';
export { sliceTables, withoutFullDiagrams } from './slice.ts';
export type { Tables } from './tables.ts';
