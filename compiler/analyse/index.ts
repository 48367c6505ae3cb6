/**
 * Whole-pack analysis, exact over every combination of facts and every period in force: gaps (no
 * rule answers), conflicts (rules that are not exceptions to each other give different outcomes),
 * dead rules (a rule that never decides anything), dead obligations, reasons that are never shown
 * and priorities that change nothing. One finding per cause,
 * each with the count of situations it covers and its smallest counterexample as a ready-to-paste
 * `example` block in its hint.
 */
import type { Diagnostic } from '../diagnostics/types.ts';
import type { BuiltPack } from '../ir/compile.ts';
import type { IRPack } from '../ir/types.ts';
import { conflicts } from './conflicts.ts';
import { deadRules } from './dead.ts';
import { gaps } from './gaps.ts';
import { priorityFindings } from './priorities.ts';
import { unshownReasons } from './reasons.ts';

/** Finds gaps, conflicts, dead rules and dead obligations: `analyse(pack, build(pack))`. */
export function analyse(pack: IRPack, built: BuiltPack): Diagnostic[] {
  if (pack.rules.length === 0) return [];
  return [...gaps(pack, built), ...conflicts(pack, built), ...deadRules(pack, built), ...unshownReasons(pack, built), ...priorityFindings(pack, built)];
}

export { coverage, evalPartial, type Coverage } from './coverage.ts';
export { diffPacks, type DiffResult, type Difference, type DecisionSummary } from './diff.ts';
export { questionnaireStats, type QuestionnaireStats } from './questionnaire.ts';
