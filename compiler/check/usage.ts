/**
 * Unused declarations (warning LOV2015): a fact, condition, obligation, obligation set or source
 * that no other declaration refers to.
 *
 * "Refers to" means directly, from a rule, condition, obligation set or obligation (citations),
 * never from an example: a fact that only examples give is never asked about by any rule, so it
 * still is unused. As in TypeScript's unused-locals check, a declaration used only by another
 * unused declaration is not reported until that one is removed; so each warning points at the
 * root of a dead chain. Rules are never unused (each one decides something), nor are examples.
 */
import type { Name } from '../ast/types.ts';
import { diagnostic } from '../diagnostics/catalogue.ts';
import type { CheckContext, UseKind } from './context.ts';
import { isUsed } from './context.ts';

/** Reports one declaration when nothing refers to it. */
function warnUnused(ctx: CheckContext, kind: UseKind, name: Name): void {
  if (!isUsed(ctx, kind, name.text)) ctx.diagnostics.push(diagnostic('LOV2015', name.range, [name.text]));
}

/** Warns about every fact, condition, obligation, set and source nothing refers to (LOV2015). */
export function checkUnused(ctx: CheckContext): void {
  for (const term of ctx.terms.values()) warnUnused(ctx, 'term', term.name);
  for (const item of ctx.items.values()) warnUnused(ctx, 'obligation', item.name);
  for (const source of ctx.program.sources.values()) warnUnused(ctx, 'source', source.name);
}
