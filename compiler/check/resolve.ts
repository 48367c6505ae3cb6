/**
 * Name resolution and types: every name in an expression, a `must` / `includes` line or a
 * citation must be declared and be of the right kind (with a did-you-mean hint when it is not).
 * Resolving also records what is used, for the unused-declaration warning.
 */
import type { Citation, Expr, FactDecl, Name, ObligationUse } from '../ast/types.ts';
import { diagnostic } from '../diagnostics/catalogue.ts';
import type { CheckContext } from './context.ts';
import { firstHere, hintAndMark, markUsed, valueHint } from './context.ts';
import { resolveReasons } from './reasons.ts';

/** Names of the facts (optionally only of one type) and conditions, as candidates for a hint. */
function termNames(ctx: CheckContext, accept: (kind: 'enum' | 'boolean' | 'condition') => boolean): string[] {
  const out: string[] = [];
  for (const [name, term] of ctx.terms) if (accept(term.kind === 'fact' ? term.type : 'condition')) out.push(name);
  return out;
}

/** Resolves a name that must be a fact (in a comparison or `in`); returns it, or reports and returns undefined. */
export function resolveFact(ctx: CheckContext, name: Name, use: boolean): FactDecl | undefined {
  const term = ctx.terms.get(name.text);
  if (!term) {
    const hint = hintAndMark(ctx, name, termNames(ctx, (k) => k !== 'condition'), 'term', use);
    ctx.diagnostics.push(diagnostic('LOV2001', name.range, [name.text], { hint }));
    return undefined;
  }
  if (use) markUsed(ctx, 'term', name.text);
  if (term.kind === 'condition') {
    ctx.diagnostics.push(diagnostic('LOV2014', name.range, [name.text]));
    return undefined;
  }
  return term;
}

/** Checks that `value` is a value of `fact` (true/false for a yes/no fact: LOV2008; else LOV2002). */
export function checkValue(ctx: CheckContext, fact: FactDecl, value: Name): void {
  if (fact.type === 'boolean') {
    if (value.text !== 'true' && value.text !== 'false') {
      ctx.diagnostics.push(diagnostic('LOV2008', value.range, [fact.name.text, value.text], { hint: valueHint(value, fact) }));
    }
    return;
  }
  if (!fact.values.some((v) => v.name.text === value.text)) {
    ctx.diagnostics.push(diagnostic('LOV2002', value.range, [value.text, fact.name.text], { hint: valueHint(value, fact) }));
  }
}

/** A bare name: a yes/no fact or a condition (LOV2003 if unknown, LOV2009 if an enumeration fact). */
function resolveRef(ctx: CheckContext, name: Name): void {
  const term = ctx.terms.get(name.text);
  if (!term) {
    const hint = hintAndMark(ctx, name, termNames(ctx, (k) => k !== 'enum'), 'term');
    ctx.diagnostics.push(diagnostic('LOV2003', name.range, [name.text], { hint }));
    return;
  }
  markUsed(ctx, 'term', name.text);
  if (term.kind === 'fact' && term.type === 'enum') {
    ctx.diagnostics.push(diagnostic('LOV2009', name.range, [name.text, term.values[0]?.name.text ?? '…']));
  }
}

/** `fact in {v, …}`: an enumeration fact (LOV2022 for a yes/no fact), each value of it, none twice (LOV2017). */
function resolveIn(ctx: CheckContext, e: Extract<Expr, { kind: 'in' }>): void {
  const fact = resolveFact(ctx, e.fact, true);
  if (!fact) return;
  if (fact.type === 'boolean') {
    ctx.diagnostics.push(diagnostic('LOV2022', e.fact.range, [fact.name.text]));
    return;
  }
  const seen = new Map<string, Name>();
  for (const value of e.values) {
    checkValue(ctx, fact, value);
    const first = seen.get(value.text);
    if (first) ctx.diagnostics.push(diagnostic('LOV2017', value.range, [value.text], { related: [firstHere(first, 'listed')] }));
    else seen.set(value.text, value);
  }
}

/** Resolves every name in a condition expression. */
export function resolveExpr(ctx: CheckContext, e: Expr): void {
  switch (e.kind) {
    case 'ref':
      return resolveRef(ctx, e.name);
    case 'compare': {
      const fact = resolveFact(ctx, e.fact, true);
      if (fact) checkValue(ctx, fact, e.value);
      return;
    }
    case 'in':
      return resolveIn(ctx, e);
    case 'not':
      return resolveExpr(ctx, e.operand);
    case 'and':
    case 'or':
      for (const operand of e.operands) resolveExpr(ctx, operand);
      return;
  }
}

/** Resolves a `must` / `includes` line: each item an obligation or a set (LOV2004), and its `when`. */
export function resolveObligationUse(ctx: CheckContext, use: ObligationUse): void {
  for (const item of use.items) {
    if (ctx.items.has(item.text)) markUsed(ctx, 'obligation', item.text);
    else ctx.diagnostics.push(diagnostic('LOV2004', item.range, [item.text], { hint: hintAndMark(ctx, item, ctx.items.keys(), 'obligation') }));
  }
  if (use.when) resolveExpr(ctx, use.when);
}

/** Resolves the source of a citation (LOV2005). */
export function resolveCitation(ctx: CheckContext, citation: Citation): void {
  const name = citation.source;
  if (ctx.program.sources.has(name.text)) markUsed(ctx, 'source', name.text);
  else ctx.diagnostics.push(diagnostic('LOV2005', name.range, [name.text], { hint: hintAndMark(ctx, name, ctx.program.sources.keys(), 'source') }));
}

/** Resolves every reference of every declaration (examples are checked in examples.ts). */
export function resolveAll(ctx: CheckContext): void {
  for (const file of ctx.program.files) {
    for (const decl of file.declarations) {
      switch (decl.kind) {
        case 'condition':
          if (decl.means) resolveExpr(ctx, decl.means);
          break;
        case 'obligation':
          decl.citations.forEach((c) => resolveCitation(ctx, c));
          break;
        case 'obligationSet':
          decl.includes.forEach((u) => resolveObligationUse(ctx, u));
          break;
        case 'rule':
          if (decl.when) resolveExpr(ctx, decl.when);
          decl.must.forEach((u) => resolveObligationUse(ctx, u));
          decl.citations.forEach((c) => resolveCitation(ctx, c));
          resolveReasons(ctx, decl);
          break;
        default:
          break;
      }
    }
  }
}
