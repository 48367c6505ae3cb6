/**
 * Which question to ask next. Only facts that still matter are candidates (the support of the
 * decision diagram restricted to the answers so far), so no question can be asked that cannot change
 * the answer. Among them the declared order comes first (channel and recipient before anything else;
 * once a consent question is asked, the other consent questions that still matter follow), and then
 * the fact with the most expected information: the one whose answer leaves the fewest facts that still
 * matter, weighted by how likely each answer is (each fact's typical answer 70 %, the others sharing the
 * rest). Browser-safe and dependency-free.
 *
 * The questionnaire's state is a sub-diagram; states are kept canonical in a `DiagramStore` (equal
 * sub-diagrams get the same id), so the metrics of compiler/analyse/questionnaire.ts can walk every
 * path of the questionnaire with memoisation, and the progress text can say how long the longest
 * remaining path is.
 */
import type { Tables } from './tables.ts';
import { SCREEN_POLICY, afterFact, closeScreen, resolveScreens, screenInstead, screensFrom, type ResolvedScreens, type ScreenPolicy } from './screens.ts';

/**
 * Declared ordering constraints: facts asked first (in this order) and groups asked together. A name
 * ending in `*` is a prefix. A group's first name, when it is no prefix, leads the group: while it
 * still matters, no other fact of the group is asked (whether there is a consent before how it was given).
 */
export interface QuestionOrder {
  first: string[];
  groups: string[][];
}

/** The questionnaire's order for the bundled pack; names a pack does not have are ignored. */
export const QUESTION_ORDER: QuestionOrder = {
  first: ['channel', 'recipientType'],
  groups: [['hasConsent', 'consent*']],
};

/** The chance of a fact's typical answer; the other answers share the rest evenly. */
export const TYPICAL_WEIGHT = 0.7;

/** The probability of each value of each fact: the typical value 70 %, the rest evenly (no typical value: all evenly). */
export function answerWeights(tables: Tables): number[][] {
  return tables.facts.map((f) => {
    const k = f.values.length;
    if (f.typical === undefined || k < 2) return f.values.map(() => 1 / k);
    return f.values.map((_, v) => (v === f.typical ? TYPICAL_WEIGHT : (1 - TYPICAL_WEIGHT) / (k - 1)));
  });
}

function hashNode(n: readonly number[]): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < n.length; i++) h = (Math.imul(h ^ n[i]!, 0x9e3779b1) + 0x7f4a7c15) | 0;
  return h;
}

/**
 * A node store over the frozen diagram that keeps new nodes canonical across calls: a restricted
 * diagram is equal to another exactly when its root id is. Node ids < tables.nodes.length are the
 * frozen nodes; terminals are negative, as in the tables.
 */
export class DiagramStore {
  readonly tables: Tables;
  private readonly base: number;
  private readonly extra: number[][] = [];
  private readonly unique = new Map<number, number[]>();
  private readonly cofactors = new Map<number, Map<number, number>>();
  private readonly supports = new Map<number, number[]>();
  private readonly inOrder = new Map<number, number>();

  constructor(tables: Tables) {
    this.tables = tables;
    this.base = tables.nodes.length;
    tables.nodes.forEach((n, i) => this.index(n, i));
  }

  /** How many nodes the store holds beyond the frozen ones. */
  get size(): number {
    return this.extra.length;
  }

  private index(n: readonly number[], id: number): void {
    const h = hashNode(n);
    const bucket = this.unique.get(h);
    if (bucket) bucket.push(id);
    else this.unique.set(h, [id]);
  }

  /** The node with this id: [fact, child per value…]. */
  node(id: number): readonly number[] {
    return id < this.base ? this.tables.nodes[id]! : this.extra[id - this.base]!;
  }

  private make(fact: number, kids: number[]): number {
    const first = kids[0]!;
    if (kids.every((k) => k === first)) return first;
    const candidate = [fact, ...kids];
    const h = hashNode(candidate);
    for (const id of this.unique.get(h) ?? []) {
      const n = this.node(id);
      if (n.length === candidate.length && n.every((x, i) => x === candidate[i])) return id;
    }
    const id = this.base + this.extra.push(candidate) - 1;
    this.index(candidate, id);
    return id;
  }

  /** The diagram at `root` with `fact` fixed to `value`. */
  cofactor(root: number, fact: number, value: number): number {
    if (root < 0) return root;
    const key = fact * 64 + value;
    let memo = this.cofactors.get(key);
    if (!memo) this.cofactors.set(key, (memo = new Map()));
    const go = (h: number): number => {
      if (h < 0) return h;
      const hit = memo!.get(h);
      if (hit !== undefined) return hit;
      const n = this.node(h);
      const result = n[0] === fact ? n[1 + value]! : this.make(n[0]!, n.slice(1).map(go));
      memo!.set(h, result);
      return result;
    };
    return go(root);
  }

  /** The diagram at `root` restricted to the known facts of `assignment` (-1 = unknown). */
  restrict(root: number, assignment: Int32Array): number {
    let h = root;
    for (let f = 0; f < assignment.length && h >= 0; f++) if (assignment[f]! >= 0) h = this.cofactor(h, f, assignment[f]!);
    return h;
  }

  /** The facts the diagram at `root` depends on, ascending. */
  support(root: number): number[] {
    if (root < 0) return [];
    const hit = this.supports.get(root);
    if (hit) return hit;
    const vars = new Set<number>([this.node(root)[0]!]);
    const n = this.node(root);
    for (let i = 1; i < n.length; i++) for (const v of this.support(n[i]!)) vars.add(v);
    const out = [...vars].sort((a, b) => a - b);
    this.supports.set(root, out);
    return out;
  }

  /**
   * The expected number of questions from `root` when the remaining facts are asked in declaration
   * order (in a reduced ordered diagram that is the fact at each node), under answer `weights`.
   * Memoised per node: a store is always used with the one set of weights of its pack.
   */
  expectedInOrder(root: number, weights: number[][]): number {
    if (root < 0) return 0;
    const hit = this.inOrder.get(root);
    if (hit !== undefined) return hit;
    const n = this.node(root);
    const w = weights[n[0]!]!;
    let e = 1;
    for (let v = 0; v < w.length; v++) e += w[v]! * this.expectedInOrder(n[1 + v]!, weights);
    this.inOrder.set(root, e);
    return e;
  }
}

/** The declared order resolved against a pack: fact indices asked first, and each fact's group (-1 = none). */
export interface ResolvedOrder {
  first: number[];
  group: Int32Array;
  /** Per group: the fact that leads it (asked before the others while it matters), or -1. */
  leader: Int32Array;
}

/** Resolves fact names (and `prefix*` patterns) of an order to the pack's fact indices. */
export function resolveOrder(tables: Tables, order: QuestionOrder = QUESTION_ORDER): ResolvedOrder {
  const index = new Map(tables.facts.map((f, i) => [f.name, i]));
  const matches = (pattern: string, name: string) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern);
  const group = new Int32Array(tables.facts.length).fill(-1);
  order.groups.forEach((g, gi) => tables.facts.forEach((f, i) => {
    if (group[i] === -1 && g.some((p) => matches(p, f.name))) group[i] = gi;
  }));
  const leader = new Int32Array(order.groups.length).fill(-1);
  order.groups.forEach((g, gi) => {
    const head = g[0];
    if (head !== undefined && !head.endsWith('*') && index.has(head)) leader[gi] = index.get(head)!;
  });
  return { first: order.first.flatMap((n) => (index.has(n) ? [index.get(n)!] : [])), group, leader };
}

/**
 * The groups that are open: a group is open once one of its facts is answered (it then stays open
 * while any of its facts still matters, since answering only removes facts that matter). A bit mask.
 */
export function openGroups(order: ResolvedOrder, answered: (fact: number) => boolean): number {
  let open = 0;
  order.group.forEach((g, f) => {
    if (g >= 0 && answered(f)) open |= 1 << g;
  });
  return open;
}

/**
 * The next question at state `root` (a non-terminal diagram in `store`): the fact to ask, by the
 * declared order and then by expected information (fewest facts left that still matter, weighted by
 * the answers' likelihood; ties go to the fact declared first).
 */
export function chooseFact(store: DiagramStore, root: number, open: number, order: ResolvedOrder, weights: number[][]): number {
  const support = store.support(root);
  for (const f of order.first) if (support.includes(f)) return f;
  let candidates = support;
  if (open !== 0) {
    const inOpen = support.filter((f) => order.group[f]! >= 0 && (open >> order.group[f]!) & 1);
    if (inOpen.length > 0) candidates = inOpen;
  }
  // A group's leader comes before the rest of its group while it still matters.
  const led = candidates.filter((f) => {
    const g = order.group[f]!;
    const l = g >= 0 ? order.leader[g]! : -1;
    return l < 0 || l === f || !support.includes(l);
  });
  if (led.length > 0) candidates = led;
  let best = candidates[0]!;
  let bestScore = Infinity;
  for (const f of candidates) {
    const w = weights[f]!;
    let score = 0;
    for (let v = 0; v < w.length; v++) score += w[v]! * store.expectedInOrder(store.cofactor(root, f, v), weights);
    if (score < bestScore - 1e-12) {
      best = f;
      bestScore = score;
    }
  }
  return best;
}

/** The question the declaration order gives: the first fact that still matters. */
export function firstFact(store: DiagramStore, root: number): number {
  return store.support(root)[0]!;
}

/** The state after answering `fact` with `value`: the sub-diagram and the open groups. */
export function answerState(store: DiagramStore, root: number, open: number, order: ResolvedOrder, fact: number, value: number): { root: number; open: number } {
  const g = order.group[fact]!;
  const next = store.cofactor(root, fact, value);
  let stillOpen = 0;
  // Keep only the groups with a fact that still matters, so equal states have equal keys.
  for (const f of store.support(next)) if (order.group[f]! >= 0) stillOpen |= 1 << order.group[f]!;
  return { root: next, open: (g >= 0 ? open | (1 << g) : open) & stillOpen };
}

/** What to ask at a state: one fact, or a screen with the facts it lists (compiler/runtime/screens.ts). */
export type Ask = { fact: number; screen?: undefined } | { fact: number; screen: number; listed: { fact: number; value: number }[] };

/** A questionnaire state: the sub-diagram, the open groups and the screens' state. */
export interface AskState {
  root: number;
  open: number;
  sc: number;
}

/** What the questionnaire needs of a pack to choose: the store, the order, the weights and the screens. */
export interface ChoiceContext {
  store: DiagramStore;
  order: ResolvedOrder;
  weights: number[][];
  screens: ResolvedScreens;
}

/** A choice context for `tables` (a fresh store). */
export function choiceContext(tables: Tables): ChoiceContext {
  return { store: new DiagramStore(tables), order: resolveOrder(tables), weights: answerWeights(tables), screens: resolveScreens(tables) };
}

/** The question at a non-terminal state: the chosen fact (or the first in declaration order), or a screen in its place. */
export function askAt(c: ChoiceContext, s: AskState, policy: ScreenPolicy = SCREEN_POLICY, declared = false): Ask {
  const fact = declared ? firstFact(c.store, s.root) : chooseFact(c.store, s.root, s.open, c.order, c.weights);
  const screen = screenInstead(c.store, c.screens, s.root, s.sc, fact, policy);
  return screen ? { fact, ...screen } : { fact };
}

/**
 * The answers to a question and where each leads, with its weight (under the typical answers) and
 * its uniform weight (every answer equally likely): per value of a fact; for a screen «yes» (the
 * listed facts all as confirmed: the product of their weights) and «no» (the rest). «No» includes «I
 * don't know», so the facts then asked one by one keep their own weights (an owner unsure of one point
 * may still answer every one as «yes» would have).
 */
export function branches(c: ChoiceContext, s: AskState, ask: Ask): { weight: number; uniform: number; state: AskState }[] {
  if (ask.screen === undefined) {
    return c.weights[ask.fact]!.map((weight, v, all) => {
      const next = answerState(c.store, s.root, s.open, c.order, ask.fact, v);
      return { weight, uniform: 1 / all.length, state: { ...next, sc: afterFact(c.screens, s.sc, ask.fact, v) } };
    });
  }
  let yes = { root: s.root, open: s.open };
  let p = 1;
  let u = 1;
  for (const m of ask.listed) {
    yes = answerState(c.store, yes.root, yes.open, c.order, m.fact, m.value);
    p *= c.weights[m.fact]![m.value]!;
    u /= c.weights[m.fact]!.length;
  }
  const sc = closeScreen(s.sc, ask.screen);
  return [{ weight: p, uniform: u, state: { ...yes, sc } }, { weight: 1 - p, uniform: 1 - u, state: { root: s.root, open: s.open, sc } }];
}

/** Per pack: one choice context (its store reset when it grows large) and the longest remaining paths. */
interface Chooser extends ChoiceContext {
  longest: Map<string, number>;
}

const choosers = new WeakMap<Tables, Chooser>();

/** A store of new nodes grows with the states visited; past this size it starts again. */
const STORE_LIMIT = 200_000;

function chooserFor(tables: Tables): Chooser {
  let c = choosers.get(tables);
  if (!c || c.store.size > STORE_LIMIT) {
    c = { ...choiceContext(tables), longest: new Map() };
    choosers.set(tables, c);
  }
  return c;
}

/** The indices of a pack's screens by name (unknown names are left out; the engine reports them). */
export function screenIndex(tables: Tables, name: string): number {
  return (tables.screens ?? []).findIndex((s) => s.name === name);
}

/**
 * The next question for `assignment` (value indices, -1 = unknown) in the diagram at `root`, with
 * the screens `declined` (indices) closed, and the most questions the questionnaire can still ask on
 * this path, this one included; null when settled.
 */
export function questionPlan(tables: Tables, root: number, assignment: Int32Array, declined: readonly number[] = []): { ask: Ask; atMost: number } | null {
  const c = chooserFor(tables);
  const state = c.store.restrict(root, assignment);
  if (state < 0) return null;
  const start: AskState = { root: state, open: openGroups(c.order, (f) => assignment[f]! >= 0), sc: screensFrom(c.screens, assignment, declined) };
  const longest = (s: AskState): number => {
    if (s.root < 0) return 0;
    const key = `${s.root}:${s.open}:${s.sc}`;
    const hit = c.longest.get(key);
    if (hit !== undefined) return hit;
    let most = 0;
    for (const b of branches(c, s, askAt(c, s))) most = Math.max(most, longest(b.state));
    c.longest.set(key, 1 + most);
    return 1 + most;
  };
  return { ask: askAt(c, start), atMost: longest(start) };
}
