/**
 * Legal completeness and well-formed clauses: every rule and obligation cites a source, every
 * rule gives a reason and an outcome, every text is in both languages, every question, label and
 * definition is there; outcome and status names are known; periods do not end before they begin.
 */
import type {
  Citation,
  ConditionDecl,
  FactDecl,
  ObligationDecl,
  Period,
  RuleDecl,
  SourceDecl,
  Text,
} from '../ast/types.ts';
import { OUTCOMES, SOURCE_STATUSES } from '../ast/types.ts';
import { diagnostic } from '../diagnostics/catalogue.ts';
import type { CheckContext } from './context.ts';
import { fixedListHint } from './context.ts';

/** The words for the list of outcomes in a hint. */
export const OUTCOME_LIST = { nb: 'Mulige utfall er', en: 'The outcomes are' };

/** A text has both its nb and its en version (LOV3004 for each one missing). */
export function checkText(ctx: CheckContext, text: Text | undefined): void {
  if (!text) return;
  if (!text.nb) ctx.diagnostics.push(diagnostic('LOV3004', text.range, ['nb']));
  if (!text.en) ctx.diagnostics.push(diagnostic('LOV3004', text.range, ['en']));
}

/** A period's end is not before its start (LOV2020); dates themselves are checked by the lexer. */
export function checkPeriod(ctx: CheckContext, period: Period | undefined): void {
  const from = period?.from?.value;
  const until = period?.until?.value;
  if (period && from && until && until < from) ctx.diagnostics.push(diagnostic('LOV2020', period.range, [from, until]));
}

/** A citation of `§ N` can link to the section only if its source has a `section url` (LOV3013). */
function checkSectionLink(ctx: CheckContext, citation: Citation): void {
  const source = ctx.program.sources.get(citation.source.text);
  if (source && !source.sectionUrl && /§\s*\d/.test(citation.pinpoint.value)) {
    ctx.diagnostics.push(diagnostic('LOV3013', citation.range, [`${citation.source.text} ${citation.pinpoint.value}`]));
  }
}

/** A source has a url and a known status (LOV3009, LOV2013). */
export function checkSource(ctx: CheckContext, source: SourceDecl): void {
  if (!source.url) ctx.diagnostics.push(diagnostic('LOV3009', source.name.range, [source.name.text, 'url']));
  if (!source.status) ctx.diagnostics.push(diagnostic('LOV3009', source.name.range, [source.name.text, 'status']));
  else if (!(SOURCE_STATUSES as readonly string[]).includes(source.status.text)) {
    ctx.diagnostics.push(diagnostic('LOV2013', source.status.range, [source.status.text], { hint: fixedListHint(source.status, SOURCE_STATUSES, { nb: 'Mulige statuser er', en: 'The statuses are' }) }));
  }
}

/** A fact has a question (LOV3007), each value a label (LOV3008), and its texts both languages. */
export function checkFactTexts(ctx: CheckContext, fact: FactDecl): void {
  if (!fact.question) ctx.diagnostics.push(diagnostic('LOV3007', fact.name.range, [fact.name.text]));
  checkText(ctx, fact.question);
  checkText(ctx, fact.help);
  for (const action of fact.actions ?? []) checkText(ctx, action.text);
  for (const value of fact.values) {
    if (!value.label) ctx.diagnostics.push(diagnostic('LOV3008', value.name.range, [value.name.text]));
    checkText(ctx, value.label);
  }
}

/** A condition has a label (LOV3010) and a definition (LOV3014). */
export function checkConditionClauses(ctx: CheckContext, condition: ConditionDecl): void {
  if (!condition.label) ctx.diagnostics.push(diagnostic('LOV3010', condition.name.range, [condition.name.text]));
  if (!condition.means) ctx.diagnostics.push(diagnostic('LOV3014', condition.name.range, [condition.name.text]));
  checkText(ctx, condition.label);
}

/** An obligation has a text (LOV3011), cites a source (LOV3002) and has a sound period. */
export function checkObligationClauses(ctx: CheckContext, obligation: ObligationDecl): void {
  if (!obligation.text) ctx.diagnostics.push(diagnostic('LOV3011', obligation.name.range, [obligation.name.text]));
  if (obligation.citations.length === 0) ctx.diagnostics.push(diagnostic('LOV3002', obligation.name.range, [obligation.name.text]));
  checkText(ctx, obligation.text);
  obligation.citations.forEach((c) => checkSectionLink(ctx, c));
  checkPeriod(ctx, obligation.inForce);
}

/** A rule's outcome is there (LOV3012) and known (LOV2012); a judgement exactly when it is uncertain (LOV3005, LOV3006). */
function checkOutcome(ctx: CheckContext, rule: RuleDecl): void {
  const outcome = rule.outcome;
  if (!outcome) ctx.diagnostics.push(diagnostic('LOV3012', rule.name.range, [rule.name.text]));
  else if (!(OUTCOMES as readonly string[]).includes(outcome.text)) {
    ctx.diagnostics.push(diagnostic('LOV2012', outcome.range, [outcome.text], { hint: fixedListHint(outcome, OUTCOMES, OUTCOME_LIST) }));
    return;
  }
  if (outcome?.text === 'uncertain' && !rule.judgement) ctx.diagnostics.push(diagnostic('LOV3005', rule.name.range, [rule.name.text]));
  if (outcome && outcome.text !== 'uncertain' && rule.judgement) ctx.diagnostics.push(diagnostic('LOV3006', rule.judgement.range));
}

/** A rule has an outcome, a reason (LOV3003) and a citation (LOV3001), its texts in both languages and a sound period. */
export function checkRuleClauses(ctx: CheckContext, rule: RuleDecl): void {
  checkOutcome(ctx, rule);
  if (!rule.because) ctx.diagnostics.push(diagnostic('LOV3003', rule.name.range, [rule.name.text]));
  if (rule.citations.length === 0) ctx.diagnostics.push(diagnostic('LOV3001', rule.name.range, [rule.name.text]));
  checkText(ctx, rule.because);
  checkText(ctx, rule.judgement);
  rule.citations.forEach((c) => checkSectionLink(ctx, c));
  checkPeriod(ctx, rule.inForce);
}
