/**
 * Screens: facts the questionnaire may ask together as one question («Stemmer alt dette?» with the
 * conditions as a list). «Yes» gives each listed fact its value; «no» (or «don't know») closes the
 * screen and the facts are asked one by one as before. A screen never changes a decision, only how
 * many questions reach it. Browser-safe and dependency-free.
 *
 * A screen is offered in place of the question the chooser picked (compiler/runtime/choice.ts) when
 * that question is one of its facts, the screen is not closed (declined, or one of its facts answered
 * otherwise than «yes» would), and at least two of its facts still matter (those are listed, and only
 * those are set by «yes»). The `primed` policy waits until one of its facts is answered the way «yes»
 * would answer it; measured on the Norwegian pack it saves less (the typical newsletter takes 9
 * questions, not 8) for almost the same expected length, so the questionnaire offers screens `eager`ly.
 *
 * Per screen the state is 2 bits: 0 fresh, 1 primed, 2 closed; a pack's first MAX_SCREENS screens are used.
 */
import type { DiagramStore } from './choice.ts';
import type { Tables } from './tables.ts';

/** How many screens of a pack the questionnaire uses (2 bits each in one 32-bit number). */
export const MAX_SCREENS = 15;
export const SCREEN_PRIMED = 1;
export const SCREEN_CLOSED = 2;

/** When a screen is offered: never (`off`), as soon as one of its facts is the next question (`eager`), or once one of its facts is answered as «yes» would (`primed`). */
export type ScreenPolicy = 'off' | 'eager' | 'primed';

/** The questionnaire's policy. */
export const SCREEN_POLICY: ScreenPolicy = 'eager';

/** A pack's screens by fact index: each screen's facts and «yes» values, and each fact's screen (-1 = none). */
export interface ResolvedScreens {
  list: { name: string; members: { fact: number; value: number }[] }[];
  of: Int32Array;
}

/** Resolves the screens of `tables` (the first MAX_SCREENS). */
export function resolveScreens(tables: Tables): ResolvedScreens {
  const of = new Int32Array(tables.facts.length).fill(-1);
  const list = (tables.screens ?? []).slice(0, MAX_SCREENS).map((s, i) => {
    for (const m of s.members) if (of[m.fact] === -1) of[m.fact] = i;
    return { name: s.name, members: s.members.map((m) => ({ fact: m.fact, value: m.value })) };
  });
  return { list, of };
}

/** Screen `s`'s state in `sc`. */
export function screenStatus(sc: number, s: number): number {
  return (sc >>> (2 * s)) & 3;
}

function withStatus(sc: number, s: number, status: number): number {
  return (sc & ~(3 << (2 * s))) | (status << (2 * s));
}

/** The state after answering `fact` with `value`: its screen is primed by the «yes» value, closed by any other. */
export function afterFact(rs: ResolvedScreens, sc: number, fact: number, value: number): number {
  const s = rs.of[fact]!;
  if (s < 0 || screenStatus(sc, s) === SCREEN_CLOSED) return sc;
  const yes = rs.list[s]!.members.find((m) => m.fact === fact)!.value;
  return withStatus(sc, s, value === yes ? SCREEN_PRIMED : SCREEN_CLOSED);
}

/** The screens' state from answers (value indices, -1 = unknown) and the declined screens' indices. */
export function screensFrom(rs: ResolvedScreens, assignment: Int32Array, declined: readonly number[]): number {
  let sc = 0;
  for (let f = 0; f < assignment.length; f++) if (assignment[f]! >= 0) sc = afterFact(rs, sc, f, assignment[f]!);
  for (const s of declined) if (s < rs.list.length) sc = withStatus(sc, s, SCREEN_CLOSED);
  return sc;
}

/** The state once screen `s` is answered (yes or no): closed. */
export function closeScreen(sc: number, s: number): number {
  return withStatus(sc, s, SCREEN_CLOSED);
}

/**
 * The screen to offer instead of asking `fact` at state `root`, with the facts it lists (those that
 * still matter, in the screen's order), or null.
 */
export function screenInstead(store: DiagramStore, rs: ResolvedScreens, root: number, sc: number, fact: number, policy: ScreenPolicy): { screen: number; listed: { fact: number; value: number }[] } | null {
  const s = rs.of[fact]!;
  if (policy === 'off' || s < 0) return null;
  const status = screenStatus(sc, s);
  if (status === SCREEN_CLOSED || (policy === 'primed' && status !== SCREEN_PRIMED)) return null;
  const support = store.support(root);
  const listed = rs.list[s]!.members.filter((m) => support.includes(m.fact));
  return listed.length >= 2 ? { screen: s, listed } : null;
}
