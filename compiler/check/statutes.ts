/**
 * Statute texts (`statute SOURCE "pinpoint" STATUS` + `text "…"`) and the citations that quote them.
 * A statute belongs to a declared source (LOV2005), is given once (LOV3020), has a text and a status
 * (LOV3024), is never guidance marked [R] (LOV3021), and is cited by something (LOV3023); a `quotes`
 * citation needs a statute that matches it (LOV3022). Matching is `statutesFor` (also used by lowering).
 */
import type { Citation, StatuteDecl } from '../ast/types.ts';
import { SOURCE_STATUSES } from '../ast/types.ts';
import { diagnostic } from '../diagnostics/catalogue.ts';
import type { CheckContext } from './context.ts';
import { fixedListHint, hintAndMark, markUsed } from './context.ts';

const fold = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Whether `inner` is a part of `outer`: «§ 15 første ledd» is a part of «§ 15», but «§ 15 a» is not. */
function isPartOf(inner: string, outer: string): boolean {
  if (!inner.startsWith(outer) || inner.length === outer.length) return false;
  const rest = inner.slice(outer.length);
  return /^[ (]/.test(rest) && !/^ [a-zæøå](?=$|[\s,.;)])/.test(rest);
}

/**
 * The statutes a citation quotes: the one with exactly its pinpoint; else the most specific one it
 * is a part of («§ 15» for «§ 15 første ledd»); else every one that is a part of it, in order
 * (all declared paragraphs of «§ 15» for «§ 15»). Same source only; spaces are folded.
 */
export function statutesFor<S extends { source: string; pinpoint: string }>(statutes: readonly S[], source: string, pinpoint: string): S[] {
  const p = fold(pinpoint);
  const same = statutes.filter((s) => s.source === source);
  const exact = same.find((s) => fold(s.pinpoint) === p);
  if (exact) return [exact];
  const containing = same.filter((s) => isPartOf(p, fold(s.pinpoint))).sort((a, b) => b.pinpoint.length - a.pinpoint.length);
  if (containing.length > 0) return [containing[0]!];
  return same.filter((s) => isPartOf(fold(s.pinpoint), p));
}

const label = (s: StatuteDecl): string => `${s.source.text} «${fold(s.pinpoint.value)}»`;
const plain = (s: StatuteDecl) => ({ source: s.source.text, pinpoint: s.pinpoint.value, decl: s });

/** Every citation of the pack: of rules, of their reasons and of obligations. */
function allCitations(ctx: CheckContext): Citation[] {
  const out: Citation[] = [];
  for (const o of ctx.program.obligations.values()) out.push(...o.citations);
  for (const r of ctx.program.rules) {
    out.push(...r.citations);
    for (const reason of r.reasons ?? []) out.push(...reason.citations);
  }
  return out;
}

/** Checks one statute declaration on its own (LOV2005, LOV2013, LOV3021, LOV3024). */
function checkStatute(ctx: CheckContext, s: StatuteDecl): void {
  const source = ctx.program.sources.get(s.source.text);
  if (!source) {
    ctx.diagnostics.push(diagnostic('LOV2005', s.source.range, [s.source.text], { hint: hintAndMark(ctx, s.source, ctx.program.sources.keys(), 'source') }));
  } else markUsed(ctx, 'source', s.source.text);
  if (!s.text) ctx.diagnostics.push(diagnostic('LOV3024', s.range, [label(s), 'text']));
  if (!s.status) ctx.diagnostics.push(diagnostic('LOV3024', s.range, [label(s), 'status (primary | secondary)']));
  else if (!(SOURCE_STATUSES as readonly string[]).includes(s.status.text)) {
    ctx.diagnostics.push(diagnostic('LOV2013', s.status.range, [s.status.text], { hint: fixedListHint(s.status, ['primary', 'secondary'], { nb: 'Mulige statuser er', en: 'The statuses are' }) }));
  } else if (s.status.text === 'unverified') ctx.diagnostics.push(diagnostic('LOV3021', s.status.range, [label(s)]));
  if (source?.status?.text === 'unverified' && s.status?.text !== 'unverified') ctx.diagnostics.push(diagnostic('LOV3021', s.source.range, [label(s)]));
}

/** Checks the statutes and the citations that quote them. */
export function checkStatutes(ctx: CheckContext): void {
  const seen = new Map<string, StatuteDecl>();
  for (const s of ctx.program.statutes) {
    checkStatute(ctx, s);
    const key = `${s.source.text}|${fold(s.pinpoint.value)}`;
    const first = seen.get(key);
    if (first) {
      ctx.diagnostics.push(diagnostic('LOV3020', s.pinpoint.range, [label(s)], {
        related: [{ range: first.pinpoint.range, message: { nb: 'Først gjengitt her.', en: 'First given here.' } }],
      }));
    } else seen.set(key, s);
  }
  const statutes = [...seen.values()].map(plain);
  const cited = new Set<StatuteDecl>();
  for (const c of allCitations(ctx)) {
    const found = statutesFor(statutes, c.source.text, c.pinpoint.value);
    found.forEach((f) => cited.add(f.decl));
    const what = `${c.source.text} «${fold(c.pinpoint.value)}»`;
    if (c.quoted && c.unverified) ctx.diagnostics.push(diagnostic('LOV3021', c.range, [what]));
    else if (c.quoted && found.length === 0 && ctx.program.sources.has(c.source.text)) ctx.diagnostics.push(diagnostic('LOV3022', c.range, [what]));
  }
  for (const s of seen.values()) if (!cited.has(s) && ctx.program.sources.has(s.source.text)) ctx.diagnostics.push(diagnostic('LOV3023', s.pinpoint.range, [label(s)]));
}
