/**
 * What the checks share while they run: the program being built, the name tables the program
 * does not keep (which declaration owns a name in each namespace), the list of diagnostics, and
 * which declarations something else refers to (for the unused-declaration warning).
 */
import type { ConditionDecl, FactDecl, Name, ObligationDecl, ObligationSetDecl } from '../ast/types.ts';
import type { Diagnostic, Message, Related } from '../diagnostics/types.ts';
import { didYouMean, joinHints, suggestionHint } from '../diagnostics/suggest.ts';
import type { Program } from './program.ts';

/** A name that may stand in an expression: a fact or a named condition (they share one namespace). */
export type Term = FactDecl | ConditionDecl;

/** A name that may stand in `must` / `includes`: an obligation or an obligation set. */
export type ObligationItem = ObligationDecl | ObligationSetDecl;

/** The namespaces whose declarations can go unused. */
export type UseKind = 'term' | 'obligation' | 'source';

export interface CheckContext {
  program: Program;
  /** Facts and conditions by name (the first declaration wins). */
  terms: Map<string, Term>;
  /** Obligations and obligation sets by name (the first declaration wins). */
  items: Map<string, ObligationItem>;
  diagnostics: Diagnostic[];
  /** `kind:name` of every declaration that another declaration (not an example) refers to. */
  used: Set<string>;
}

/** Creates an empty context around an empty program for these files. */
export function newContext(program: Program): CheckContext {
  return { program, terms: new Map(), items: new Map(), diagnostics: [], used: new Set() };
}

/** Records that a declaration is referred to. */
export function markUsed(ctx: CheckContext, kind: UseKind, name: string): void {
  ctx.used.add(`${kind}:${name}`);
}

/** Whether some declaration refers to this one. */
export function isUsed(ctx: CheckContext, kind: UseKind, name: string): boolean {
  return ctx.used.has(`${kind}:${name}`);
}

/** The hint for a misspelt name: the closest candidates, if any are close. */
export function hintFor(name: Name, candidates: Iterable<string>): Message | undefined {
  return suggestionHint(didYouMean(name.text, candidates));
}

/**
 * The hint for a misspelt reference, marking the suggested declarations as used: a typo in the
 * only reference to a declaration should give one error, not also an unused-warning.
 */
export function hintAndMark(ctx: CheckContext, name: Name, candidates: Iterable<string>, kind: UseKind, use = true): Message | undefined {
  const suggestions = didYouMean(name.text, candidates);
  if (use) suggestions.forEach((s) => markUsed(ctx, kind, s));
  return suggestionHint(suggestions);
}

/** The hint for a wrong word from a fixed list (outcomes, statuses): a suggestion, and the whole list. */
export function fixedListHint(name: Name, allowed: readonly string[], what: Message): Message | undefined {
  const list = { nb: `${what.nb}: ${allowed.join(', ')}.`, en: `${what.en}: ${allowed.join(', ')}.` };
  return joinHints(hintFor(name, allowed), list);
}

/** How many values a fact may have for the hint to list all of them. */
const LIST_VALUES_UP_TO = 8;

/** The hint for a wrong value of an enumeration fact: a suggestion, and the valid values when they are few. */
export function valueHint(value: Name, fact: FactDecl): Message | undefined {
  const names = fact.type === 'boolean' ? ['true', 'false'] : fact.values.map((v) => v.name.text);
  const suggestion = hintFor(value, names);
  if (names.length === 0 || names.length > LIST_VALUES_UP_TO) return suggestion;
  const list: Message = {
    nb: `Verdiene til «${fact.name.text}» er: ${names.join(', ')}.`,
    en: `The values of “${fact.name.text}” are: ${names.join(', ')}.`,
  };
  return joinHints(suggestion, list);
}

/** The `related` note that points at the first place a name was declared, given or listed. */
export function firstHere(first: Name, how: 'declared' | 'given' | 'listed' = 'declared'): Related {
  const nb = { declared: 'deklarert', given: 'oppgitt', listed: 'oppført' }[how];
  return { range: first.range, message: { nb: `«${first.text}» er første gang ${nb} her.`, en: `“${first.text}” is first ${how} here.` } };
}
