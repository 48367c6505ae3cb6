/**
 * `reason` blocks inside a rule: each has a reason text (LOV3025) in both languages and cites a
 * source (LOV3025); its condition's names are resolved like a rule's. Reason ids share the rules'
 * namespace (symbols.ts), so `expect rule R30a` names a reason.
 */
import type { RuleDecl } from '../ast/types.ts';
import { diagnostic } from '../diagnostics/catalogue.ts';
import { checkText } from './completeness.ts';
import type { CheckContext } from './context.ts';
import { resolveCitation, resolveExpr } from './resolve.ts';

/** Resolves the names in a rule's reasons (their conditions and citations). */
export function resolveReasons(ctx: CheckContext, rule: RuleDecl): void {
  for (const reason of rule.reasons ?? []) {
    if (reason.when) resolveExpr(ctx, reason.when);
    reason.citations.forEach((c) => resolveCitation(ctx, c));
  }
}

/** Each reason of a rule has a text in both languages and a citation (LOV3025, LOV3004). */
export function checkReasonClauses(ctx: CheckContext, rule: RuleDecl): void {
  for (const reason of rule.reasons ?? []) {
    if (!reason.because) ctx.diagnostics.push(diagnostic('LOV3025', reason.name.range, [reason.name.text, 'because']));
    if (reason.citations.length === 0) ctx.diagnostics.push(diagnostic('LOV3025', reason.name.range, [reason.name.text, 'cites']));
    checkText(ctx, reason.because);
  }
}
