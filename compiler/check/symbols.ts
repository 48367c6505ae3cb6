/**
 * Symbol tables: every declaration goes into the program in load order, and a name declared
 * twice in one namespace is reported (LOV2007) at the second declaration, pointing at the first.
 *
 * Namespaces: facts and conditions share one (both stand bare in an expression); obligations and
 * obligation sets share one (both stand in `must` / `includes`); sources, rules and examples have
 * their own. A fact's values are checked per fact.
 */
import type { Declaration, FactDecl, LovFile, Name } from '../ast/types.ts';
import { diagnostic } from '../diagnostics/catalogue.ts';
import type { CheckContext } from './context.ts';
import { firstHere, newContext, valueHint } from './context.ts';
import type { Program } from './program.ts';

/** An empty program for these files. */
function emptyProgram(files: LovFile[]): Program {
  return {
    files,
    sources: new Map(),
    facts: [],
    factsByName: new Map(),
    conditions: new Map(),
    obligations: new Map(),
    obligationSets: new Map(),
    rules: [],
    rulesByName: new Map(),
    reasonsByName: new Map(),
    statutes: [],
    examples: [],
    screens: [],
  };
}

/** Reports `name` as a duplicate when `first` already holds it; returns whether it was new. */
function claim(ctx: CheckContext, name: Name, first: Name | undefined): boolean {
  if (!first) return true;
  ctx.diagnostics.push(diagnostic('LOV2007', name.range, [name.text], { related: [firstHere(first)] }));
  return false;
}

/** Adds one declaration to the program and its namespace. */
function declare(ctx: CheckContext, decl: Declaration, exampleNames: Map<string, Name>): void {
  const p = ctx.program;
  switch (decl.kind) {
    case 'import':
      return;
    case 'source':
      if (claim(ctx, decl.name, p.sources.get(decl.name.text)?.name)) p.sources.set(decl.name.text, decl);
      return;
    case 'fact':
      if (!claim(ctx, decl.name, ctx.terms.get(decl.name.text)?.name)) return;
      ctx.terms.set(decl.name.text, decl);
      p.facts.push(decl);
      p.factsByName.set(decl.name.text, decl);
      return;
    case 'condition':
      if (!claim(ctx, decl.name, ctx.terms.get(decl.name.text)?.name)) return;
      ctx.terms.set(decl.name.text, decl);
      p.conditions.set(decl.name.text, decl);
      return;
    case 'obligation':
    case 'obligationSet':
      if (!claim(ctx, decl.name, ctx.items.get(decl.name.text)?.name)) return;
      ctx.items.set(decl.name.text, decl);
      if (decl.kind === 'obligation') p.obligations.set(decl.name.text, decl);
      else p.obligationSets.set(decl.name.text, decl);
      return;
    case 'statute':
      p.statutes.push(decl);
      return;
    case 'screen':
      if (claim(ctx, decl.name, p.screens.find((s) => s.name.text === decl.name.text)?.name)) p.screens.push(decl);
      return;
    case 'rule':
      if (!claim(ctx, decl.name, p.rulesByName.get(decl.name.text)?.name ?? p.reasonsByName.get(decl.name.text)?.reason.name)) return;
      p.rules.push(decl);
      p.rulesByName.set(decl.name.text, decl);
      for (const reason of decl.reasons ?? []) {
        const first = p.rulesByName.get(reason.name.text)?.name ?? p.reasonsByName.get(reason.name.text)?.reason.name;
        if (claim(ctx, reason.name, first)) p.reasonsByName.set(reason.name.text, { reason, rule: decl });
      }
      return;
    case 'example': {
      const name = { text: decl.name.value, range: decl.name.range };
      if (!claim(ctx, name, exampleNames.get(name.text))) return;
      exampleNames.set(name.text, name);
      p.examples.push(decl);
      return;
    }
  }
}

/** Builds the program's symbol tables from the files (in load order), reporting duplicate names. */
export function buildSymbols(files: LovFile[]): CheckContext {
  const ctx = newContext(emptyProgram(files));
  const exampleNames = new Map<string, Name>();
  for (const file of files) for (const decl of file.declarations) declare(ctx, decl, exampleNames);
  return ctx;
}

/** The most values a fact may have (the engine keeps a fact's values as bits of one 32-bit mask). */
export const MAX_VALUES = 31;

/** Checks a fact's values: none listed twice (LOV2017), at least two for a choice (LOV2018), at most MAX_VALUES (LOV2024), a valid `typical` (LOV2019) and `action`s (LOV2002, LOV2017). */
export function checkFactValues(ctx: CheckContext, fact: FactDecl): void {
  const seen = new Map<string, Name>();
  for (const value of fact.values) {
    const first = seen.get(value.name.text);
    if (first) ctx.diagnostics.push(diagnostic('LOV2017', value.name.range, [value.name.text], { related: [firstHere(first, 'listed')] }));
    else seen.set(value.name.text, value.name);
  }
  if (fact.type === 'enum' && fact.values.length < 2) ctx.diagnostics.push(diagnostic('LOV2018', fact.name.range));
  const actionFor = new Map<string, Name>();
  for (const action of fact.actions ?? []) {
    const valid = fact.type === 'boolean' ? action.value.text === 'true' || action.value.text === 'false' : seen.has(action.value.text);
    if (!valid) ctx.diagnostics.push(diagnostic('LOV2002', action.value.range, [action.value.text, fact.name.text], { hint: valueHint(action.value, fact) }));
    const first = actionFor.get(action.value.text);
    if (first) ctx.diagnostics.push(diagnostic('LOV2017', action.value.range, [action.value.text], { related: [firstHere(first, 'listed')] }));
    else actionFor.set(action.value.text, action.value);
  }
  if (fact.values.length > MAX_VALUES) ctx.diagnostics.push(diagnostic('LOV2024', fact.values[MAX_VALUES]!.name.range, [String(MAX_VALUES)]));
  const typical = fact.typical;
  if (!typical) return;
  const valid = fact.type === 'boolean' ? typical.text === 'true' || typical.text === 'false' : seen.has(typical.text);
  if (!valid) ctx.diagnostics.push(diagnostic('LOV2019', typical.range, [typical.text, fact.name.text], { hint: valueHint(typical, fact) }));
}
