/**
 * The decision engine over compiled tables: validate facts and decide (exactly, for partial facts
 * too); ask.ts picks the next question. Browser-safe and dependency-free; the CLI, the API, the
 * generated module and the site all call these functions.
 */
import type { CitationOut, Decision, FactInput, InputError, Lang, ReasonOut } from '../evaluate/types.ts';
import type { Outcome } from '../ast/types.ts';
import { epochFor, follow, restrict } from './diagram.ts';
import { followFast, newFastPath, type FastPath } from './fastpath.ts';
import { reasonRules } from './reach.ts';
import type { TableCitation, TableEpoch, Tables, TableTerminal } from './tables.ts';

export interface DecideOptions {
  /** Evaluation date, YYYY-MM-DD; default today. */
  date?: string;
  /** Language of texts; default bokmål. */
  lang?: Lang;
  /** `nextQuestion` only: screens the person answered «no» to (their facts are then asked one by one); `decide` ignores it. */
  declined?: readonly string[];
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

let todayCache = { until: 0, date: '' };

/** Today's date as YYYY-MM-DD (UTC), recomputed only when the day changes. */
export function today(): string {
  const now = Date.now();
  if (now >= todayCache.until) {
    const date = new Date(now).toISOString().slice(0, 10);
    todayCache = { until: Date.parse(`${date}T00:00:00Z`) + 86_400_000, date };
  }
  return todayCache.date;
}

/** Checks a date option: `checkDate('2018-01-01')` → undefined, or an E_BAD_DATE error. */
let lastGoodDate = '';

export function checkDate(date: string): InputError | undefined {
  if (date === lastGoodDate) return undefined;
  if (DATE.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date)) {
    lastGoodDate = date;
    return undefined;
  }
  return { code: 'E_BAD_DATE', message: `Invalid date ${JSON.stringify(date)}: write YYYY-MM-DD (ugyldig dato: skriv ÅÅÅÅ-MM-DD).`, field: 'date', value: date };
}

/** Turns facts as given into value indices (-1 = unknown), or explains what is wrong. */
export function validateFacts(tables: Tables, input: unknown): { assignment: Int32Array } | { error: InputError } {
  const assignment = new Int32Array(tables.facts.length);
  const error = validateInto(tables, input, assignment);
  return error ? { error } : { assignment };
}

/** Validates facts into `assignment` (overwritten), returning the first problem, if any. */
function validateInto(tables: Tables, input: unknown, assignment: Int32Array, { index, values }: Bound = boundFor(tables)): InputError | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { code: 'E_NOT_AN_OBJECT', message: 'The facts must be a JSON object of fact names and values (faktaene må være et JSON-objekt).' };
  }
  assignment.fill(-1);
  for (const name in input as FactInput) {
    if (!Object.prototype.hasOwnProperty.call(input, name)) continue;
    const value = (input as FactInput)[name];
    const i = index.get(name);
    if (i === undefined) {
      return { code: 'E_UNKNOWN_FACT', message: `Unknown fact ${JSON.stringify(name)} (ukjent faktum).`, field: name, choices: tables.facts.map((f) => f.name) };
    }
    if (value === null || value === undefined) continue;
    const fact = tables.facts[i]!;
    const v = fact.type === 'boolean' ? (typeof value === 'boolean' ? Number(value) : -1) : typeof value === 'string' ? (values[i]!.get(value) ?? -1) : -1;
    if (v < 0) {
      const choices = fact.type === 'boolean' ? ['true', 'false'] : fact.values;
      return {
        code: 'E_BAD_VALUE',
        message: `${JSON.stringify(value)} is not a valid value of ${name}; expected ${fact.type === 'boolean' ? 'true or false' : `one of ${choices.join(', ')}`} (ugyldig verdi).`,
        field: name,
        value,
        choices,
      };
    }
    assignment[i] = v;
  }
  return undefined;
}

/** Per pack, what `decide` reuses on every call: the fact and value indexes, an assignment buffer and a bound decider. */
interface Bound {
  index: Map<string, number>;
  values: Map<string, number>[];
  /** Nothing keeps a reference to it past one call. */
  assignment: Int32Array;
  decide: Decider;
}

const bounds = new WeakMap<Tables, Bound>();

/** The per-pack lookups and buffers, made once (one WeakMap lookup per call). */
function boundFor(tables: Tables): Bound {
  let bound = bounds.get(tables);
  if (!bound) {
    bound = {
      index: new Map(tables.facts.map((f, i) => [f.name, i])),
      values: tables.facts.map((f) => new Map(f.values.map((v, i) => [v, i]))),
      assignment: new Int32Array(tables.facts.length),
      decide: decider(tables),
    };
    bounds.set(tables, bound);
  }
  return bound;
}

/** A citation as a decision gives it (a copy of the table's). */
export const citationOut = (c: TableCitation): CitationOut => ({ ...c });

function uniqueCitations(lists: CitationOut[][]): CitationOut[] {
  const seen = new Set<string>();
  const out: CitationOut[] = [];
  for (const c of lists.flat()) {
    const key = `${c.ref}|${c.url}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(c);
    }
  }
  return out;
}

function settledDecision(tables: Tables, terminal: TableTerminal, reasonRules: number[], lang: Lang): Decision | { error: InputError } {
  if (terminal.kind === 'bool') throw new Error('internal: a truth leaf in the decision diagram');
  if (terminal.kind === 'gap') return { error: { code: 'E_PACK_GAP', message: 'No rule of the pack answers this situation (ingen regel gir svar).' } };
  if (terminal.kind === 'conflict') {
    const ids = terminal.rules.map((r) => tables.rules[r]!.id).join(', ');
    return { error: { code: 'E_PACK_CONFLICT', message: `Rules ${ids} give different answers (reglene er i motstrid).` } };
  }
  const obligations = terminal.obligations.map((o) => {
    const ob = tables.obligations[o]!;
    return { code: ob.code, text: ob.text[lang], citations: ob.citations.map(citationOut) };
  });
  const reasons: ReasonOut[] = reasonRules.map((r) => {
    const rule = tables.rules[r]!;
    return { rule: rule.id, text: rule.reason[lang], citations: rule.citations.map(citationOut), ...(rule.judgement ? { judgement: rule.judgement[lang] } : {}) };
  });
  return {
    outcome: terminal.outcome as Outcome,
    obligations,
    reasons,
    citations: uniqueCitations([...reasons.map((r) => r.citations), ...obligations.map((o) => o.citations)]),
    missing: [],
  };
}

const totalCache = new WeakMap<Tables, Map<number, Decision | { error: InputError }>>();

function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

/** The decision at a terminal of the full diagram; built once per terminal and language, then shared (frozen). */
function totalDecision(tables: Tables, terminal: number, lang: Lang): Decision | { error: InputError } {
  let cache = totalCache.get(tables);
  if (!cache) totalCache.set(tables, (cache = new Map()));
  const key = lang === 'nb' ? terminal * 2 : terminal * 2 + 1;
  let d = cache.get(key);
  if (!d) {
    const t = tables.terminals[terminal]!;
    d = deepFreeze(settledDecision(tables, t, t.kind === 'decision' || t.kind === 'conflict' ? t.rules : [], lang));
    cache.set(key, d);
  }
  return d;
}

/** Complete decisions an epoch answers by following each rule's diagram before its fast path is built. */
const FAST_PATH_AFTER = 1000;

interface CompleteState {
  count: number;
  fast?: FastPath;
  /** Shared decisions by leaf of the decision diagram and rules that hold, per language (nb, other). */
  byKey: [Map<string, Decision | { error: InputError }>, Map<string, Decision | { error: InputError }>];
  /** The same decisions by leaf of the fast path, per language. */
  byLeaf: [(Decision | { error: InputError } | undefined)[], (Decision | { error: InputError } | undefined)[]];
}

const completeStates = new WeakMap<TableEpoch, CompleteState>();

/** The cached decisions of an epoch. */
function stateOf(epoch: TableEpoch): CompleteState {
  let state = completeStates.get(epoch);
  if (!state) completeStates.set(epoch, (state = { count: 0, byKey: [new Map(), new Map()], byLeaf: [[], []] }));
  return state;
}

/** The shared (frozen) decision for a leaf of the decision diagram and the rules that hold. */
function sharedDecision(tables: Tables, state: CompleteState, terminal: number, rules: number[], lang: Lang): Decision | { error: InputError } {
  const cache = state.byKey[lang === 'nb' ? 0 : 1];
  const key = `${terminal}:${rules.join(',')}`;
  let d = cache.get(key);
  if (!d) cache.set(key, (d = deepFreeze(settledDecision(tables, tables.terminals[terminal]!, rules, lang))));
  return d;
}

/**
 * The decision on complete facts without a shipped full diagram: at first the leaf of the decision
 * diagram and the rules whose truth diagrams hold, each found by following one path; after
 * FAST_PATH_AFTER such calls, one walk down the fast path grown from the same diagrams. Both give
 * the same shared decision objects.
 */
function completeDecision(tables: Tables, epoch: TableEpoch, assignment: Int32Array, lang: Lang): Decision | { error: InputError } {
  const state = stateOf(epoch);
  if (state.fast === undefined) {
    if (++state.count < FAST_PATH_AFTER) {
      const rules: number[] = [];
      epoch.decides.forEach((root, r) => {
        if ((tables.terminals[follow(tables, root, assignment)] as { v?: boolean }).v === true) rules.push(r);
      });
      return sharedDecision(tables, state, follow(tables, epoch.decision, assignment), rules, lang);
    }
    state.fast = newFastPath(tables, epoch);
  }
  const leaf = followFast(state.fast, assignment);
  const byLeaf = state.byLeaf[lang === 'nb' ? 0 : 1];
  const d = leaf < byLeaf.length ? byLeaf[leaf] : undefined;
  if (d !== undefined) return d;
  while (byLeaf.length <= leaf) byLeaf.push(undefined);
  const { terminal, rules } = state.fast.leaves[leaf]!;
  return (byLeaf[leaf] = sharedDecision(tables, state, terminal, rules, lang));
}

/** Decides on already validated facts: `decideAssignment(tables, assignment, '2026-11-29', 'nb')`. */
export function decideAssignment(tables: Tables, assignment: Int32Array, date: string, lang: Lang): Decision | { error: InputError } {
  return decideIn(tables, tables.epochs[epochFor(tables, date)]!, assignment, lang);
}

/** Decides validated facts in one epoch. */
function decideIn(tables: Tables, epoch: TableEpoch, assignment: Int32Array, lang: Lang): Decision | { error: InputError } {
  if (!assignment.includes(-1)) {
    if (epoch.full !== undefined) return totalDecision(tables, follow(tables, epoch.full, assignment), lang);
    return completeDecision(tables, epoch, assignment, lang);
  }
  return partialDecision(tables, epoch, assignment, lang);
}

/**
 * Decides on validated facts, complete or partial, by restricting the decision diagram alone: the
 * same decision as decideAssignment, without the fast path for complete facts. For callers that
 * decide a few distinct cases and ship the engine to a browser (the contact-list worker decides one
 * case per distinct combination of a list's columns), so their bundle leaves the fast path and the
 * table of partial decisions out (distinct cases do not recur).
 */
export function decideByRestriction(tables: Tables, assignment: Int32Array, date: string, lang: Lang): Decision | { error: InputError } {
  return restrictedDecision(tables, tables.epochs[epochFor(tables, date)]!, assignment, lang);
}

/**
 * Decides validated facts with one pack; `date` undefined means today; `complete`, when the caller
 * knows, whether every fact has a value (else the assignment is scanned); `walked` and `at`, when
 * the caller stepped down the fast path of `walk(date)` while it assigned the facts, the node it
 * reached (used only for complete facts, and only if that fast path is still the epoch's). See `decider`.
 */
export interface Decider {
  (assignment: Int32Array, date: string | undefined, lang: Lang, complete?: boolean, walked?: FastPath, at?: number): Decision | { error: InputError };
  /** The fast path of the epoch that `date` chooses and its decisions, once built: a validator may step down it. */
  walk(date: string | undefined): Walk | undefined;
}

/**
 * The fast path of an epoch and its decisions by leaf (per language: nb, other; a hole until a
 * case of that leaf was decided): where a validator that reached leaf `-1 - at` finds its decision.
 */
export interface Walk {
  fast: FastPath;
  byLeaf: [(Decision | { error: InputError } | undefined)[], (Decision | { error: InputError } | undefined)[]];
}

/**
 * `decideAssignment` bound to one pack, for the generated module's `decide`: the same shared
 * decisions, with the per-pack caches held in the closure instead of looked up per call. Today's
 * epoch is kept until the next epoch begins, so the clock is not read at all once no later epoch
 * can begin (the date only chooses the epoch).
 */
export function decider(tables: Tables): Decider {
  const epochs = tables.epochs;
  const states = epochs.map(stateOf);
  const factCount = tables.facts.length;
  let todayEpoch = -1;
  let todayUntil = 0;
  let lastDate = '';
  let lastEpoch = 0;
  const epochOf = (date: string | undefined): number => {
    if (date === undefined) {
      if (todayEpoch < 0 || (todayUntil !== Infinity && Date.now() >= todayUntil)) {
        todayEpoch = epochFor(tables, today());
        const next = epochs[todayEpoch + 1]?.from;
        todayUntil = next === undefined ? Infinity : Date.parse(`${next}T00:00:00Z`);
      }
      return todayEpoch;
    }
    if (date !== lastDate) {
      lastEpoch = epochFor(tables, date);
      lastDate = date;
    }
    return lastEpoch;
  };
  const decide = (assignment: Int32Array, date: string | undefined, lang: Lang, complete?: boolean, walked?: FastPath, at?: number): Decision | { error: InputError } => {
    const e = epochOf(date);
    const epoch = epochs[e]!;
    if (complete === false) return partialDecision(tables, epoch, assignment, lang);
    if (complete === undefined) for (let i = 0; i < factCount; i++) if (assignment[i]! < 0) return partialDecision(tables, epoch, assignment, lang);
    if (epoch.full !== undefined) return totalDecision(tables, follow(tables, epoch.full, assignment), lang);
    const fast = states[e]!.fast;
    if (fast !== undefined) {
      const d = states[e]!.byLeaf[lang === 'nb' ? 0 : 1][followFast(fast, assignment, walked === fast ? at : fast.root)];
      if (d !== undefined) return d;
    }
    return decideIn(tables, epoch, assignment, lang);
  };
  const walk = (date: string | undefined): Walk | undefined => {
    const state = states[epochOf(date)]!;
    return state.fast === undefined ? undefined : (state as Walk);
  };
  return Object.assign(decide, { walk });
}

/** Distinct open decisions (sets of missing facts) a pack keeps per language (then it starts afresh): a bounded cache. */
const OPEN_CACHE_SIZE = 4096;
const openCaches = new WeakMap<Tables, [Map<string, Decision>, Map<string, Decision>]>();

/** Rows of the table of partial decisions an epoch keeps per language (a power of two). */
const PARTIAL_ROWS = 4096;

/** The last partial assignment seen in each row of the table (`width` values a row) and its decision. */
interface PartialTable {
  rows: Int32Array;
  decisions: (Decision | { error: InputError } | undefined)[];
}

/** Per epoch and language: a questionnaire's early states recur for every case. */
const partialTables = new WeakMap<TableEpoch, [PartialTable, PartialTable]>();

/**
 * The decision on partial facts: the decision diagram restricted to them, settled or not, remembered
 * in a fixed table of rows, one per hash of the assignment, that keeps the last assignment seen there
 * and its decision. A call allocates nothing (string keys of a Map lived just long enough to reach
 * the old generation when assignments seldom recur, as in a batch, and grew the heap).
 */
function partialDecision(tables: Tables, epoch: TableEpoch, assignment: Int32Array, lang: Lang): Decision | { error: InputError } {
  const width = assignment.length;
  let both = partialTables.get(epoch);
  if (!both) {
    const table = (): PartialTable => ({ rows: new Int32Array(PARTIAL_ROWS * width), decisions: new Array(PARTIAL_ROWS).fill(undefined) });
    partialTables.set(epoch, (both = [table(), table()]));
  }
  const { rows, decisions } = both[lang === 'nb' ? 0 : 1];
  let hash = 0x811c9dc5; // FNV-1a over the values
  for (let i = 0; i < width; i++) hash = Math.imul(hash ^ (assignment[i]! + 1), 0x01000193);
  const row = (hash ^ (hash >>> 16)) & (PARTIAL_ROWS - 1);
  const at = row * width;
  let d = decisions[row];
  if (d !== undefined) {
    let i = 0;
    while (i < width && rows[at + i] === assignment[i]) i++;
    if (i === width) return d;
  }
  d = restrictedDecision(tables, epoch, assignment, lang);
  rows.set(assignment, at);
  decisions[row] = d;
  return d;
}

/** partialDecision without its table: restrict the decision diagram to the assignment (exported for the tests that check the table). */
export function restrictedDecision(tables: Tables, epoch: TableEpoch, assignment: Int32Array, lang: Lang): Decision | { error: InputError } {
  const decision = restrict(tables, epoch.decision, assignment);
  if (decision.root < 0) return sharedDecision(tables, stateOf(epoch), -1 - decision.root, reasonRules(tables, epoch, assignment), lang);
  let caches = openCaches.get(tables);
  if (!caches) openCaches.set(tables, (caches = [new Map(), new Map()]));
  const cache = caches[lang === 'nb' ? 0 : 1];
  const facts = decision.support();
  const key = facts.join(',');
  let d = cache.get(key);
  if (d === undefined) {
    if (cache.size >= OPEN_CACHE_SIZE) cache.clear();
    cache.set(key, (d = openDecision(tables, facts)));
  }
  return d;
}

/** The frozen decision that is still open, missing these facts (frozen by hand: no walk over its values). */
function openDecision(tables: Tables, facts: number[]): Decision {
  const missing = facts.map((v) => tables.facts[v]!.name);
  return Object.freeze({ outcome: null, obligations: EMPTY, reasons: EMPTY, citations: EMPTY, missing: Object.freeze(missing) as string[] }) as Decision;
}

const EMPTY = Object.freeze([]) as never[];

/** Decides a case: `decide(tables, { channel: 'email', … }, { lang: 'en' })`. Partial facts are exact. */
export function decide(tables: Tables, facts: unknown, options: DecideOptions = {}): Decision | { error: InputError } {
  const bad = options.date === undefined ? undefined : checkDate(options.date);
  if (bad) return { error: bad };
  const bound = boundFor(tables);
  const error = validateInto(tables, facts, bound.assignment, bound);
  if (error) return { error };
  return bound.decide(bound.assignment, options.date, options.lang ?? 'nb');
}

/**
 * The facts that mattered for a settled decision: a smallest set of the given facts that still
 * settles it the same way (each other given fact can be forgotten without changing the answer).
 */
export function decisiveFacts(tables: Tables, assignment: Int32Array, date: string): number[] {
  const epoch = tables.epochs[epochFor(tables, date)]!;
  const settled = restrict(tables, epoch.decision, assignment).root;
  if (settled >= 0) return [];
  const kept = assignment.slice();
  for (let f = kept.length - 1; f >= 0; f--) {
    if (kept[f] === -1) continue;
    const value = kept[f]!;
    kept[f] = -1;
    if (restrict(tables, epoch.decision, kept).root !== settled) kept[f] = value;
  }
  return [...kept.keys()].filter((f) => kept[f] !== -1);
}
