/**
 * The checker: semantic analysis of the parsed files of a pack. Builds the Program's symbol
 * tables and reports every name, type, circularity, completeness and example problem it finds
 * in one run, sorted by file (in load order) and position.
 */
import type { LovFile } from '../ast/types.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { sortDiagnostics } from '../diagnostics/render.ts';
import type { CheckContext } from './context.ts';
import { checkConditionCycles, checkSetCycles } from './cycles.ts';
import {
  checkConditionClauses,
  checkFactTexts,
  checkObligationClauses,
  checkRuleClauses,
  checkSource,
} from './completeness.ts';
import { checkExample } from './examples.ts';
import { checkExceptionCycles, checkExceptionTargets } from './exceptions.ts';
import { checkPriorityCycles, checkPriorityTargets } from './priorities.ts';
import { checkReasonClauses } from './reasons.ts';
import { checkScreens } from './screens.ts';
import { checkStatutes } from './statutes.ts';
import type { Program } from './program.ts';
import { resolveAll } from './resolve.ts';
import { buildSymbols, checkFactValues } from './symbols.ts';
import { checkUnused } from './usage.ts';

export type { Program } from './program.ts';

/** Runs the checks that look at one declaration at a time. */
function checkDeclarations(ctx: CheckContext): void {
  for (const file of ctx.program.files) {
    for (const decl of file.declarations) {
      switch (decl.kind) {
        case 'source':
          checkSource(ctx, decl);
          break;
        case 'fact':
          checkFactValues(ctx, decl);
          checkFactTexts(ctx, decl);
          break;
        case 'condition':
          checkConditionClauses(ctx, decl);
          break;
        case 'obligation':
          checkObligationClauses(ctx, decl);
          break;
        case 'rule':
          checkExceptionTargets(ctx, decl);
          checkRuleClauses(ctx, decl);
          checkPriorityTargets(ctx, decl);
          checkReasonClauses(ctx, decl);
          break;
        case 'example':
          checkExample(ctx, decl);
          break;
        default:
          break;
      }
    }
  }
}

/** Checks the parsed files of a pack (in load order): the program and all diagnostics, sorted. */
export function check(files: LovFile[]): { program: Program; diagnostics: Diagnostic[] } {
  const ctx = buildSymbols(files);
  resolveAll(ctx);
  checkDeclarations(ctx);
  checkExceptionCycles(ctx);
  checkPriorityCycles(ctx);
  checkStatutes(ctx);
  checkScreens(ctx);
  checkConditionCycles(ctx);
  checkSetCycles(ctx);
  checkUnused(ctx);
  return { program: ctx.program, diagnostics: sortDiagnostics(ctx.diagnostics, files.map((f) => f.file)) };
}
