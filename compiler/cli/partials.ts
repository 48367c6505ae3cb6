/**
 * Decisions on partial facts for `decide --batch`, remembered without garbage. The engine's own
 * cache of partial assignments keys a Map by a string per call and starts afresh when full: on a
 * batch whose partial lines seldom recur, every line made a key that lived long enough to reach the
 * old generation and then died, so the heap grew until a full collection. Here a fixed table of
 * rows, one per hash of the assignment, keeps the last assignment seen there and its decision: a
 * line allocates nothing, and a batch of many equal partial lines still decides each kind once.
 */
import type { Decision, InputError, Lang } from '../evaluate/types.ts';
import { epochFor } from '../runtime/diagram.ts';
import { restrictedDecision, today } from '../runtime/engine.ts';
import type { Tables } from '../runtime/tables.ts';

/** Rows of the table (a power of two). */
const ROWS = 4096;

/** The decision on a partial assignment (some fact -1) for one pack and language, on `date` (undefined: today). */
export type PartialDecider = (assignment: Int32Array, date: string | undefined) => Decision | { error: InputError };

/** The remembering decider for one pack and language: `partialDecider(tables, 'nb')(assignment, '2026-07-02')`. */
export function partialDecider(tables: Tables, lang: Lang): PartialDecider {
  const width = tables.facts.length;
  const rows = new Int32Array(ROWS * width);
  const decisions: (Decision | { error: InputError } | undefined)[] = new Array(ROWS).fill(undefined);
  let epoch = -1;
  return (assignment, date) => {
    const e = epochFor(tables, date ?? today());
    if (e !== epoch) {
      decisions.fill(undefined); // another epoch: what the rows hold no longer holds
      epoch = e;
    }
    let hash = 0x811c9dc5; // FNV-1a over the values
    for (let i = 0; i < width; i++) hash = Math.imul(hash ^ (assignment[i]! + 1), 0x01000193);
    const row = (hash ^ (hash >>> 16)) & (ROWS - 1);
    const at = row * width;
    let d = decisions[row];
    if (d !== undefined) {
      let i = 0;
      while (i < width && rows[at + i] === assignment[i]) i++;
      if (i === width) return d;
    }
    d = restrictedDecision(tables, tables.epochs[e]!, assignment, lang);
    rows.set(assignment, at);
    decisions[row] = d;
    return d;
  };
}
