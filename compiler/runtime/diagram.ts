/**
 * Queries on a frozen decision diagram (tables.ts): follow total facts, restrict to partial facts,
 * and read the support (the facts that still matter) and the reachable leaves. Browser-safe, no
 * dependencies. Restriction never changes the tables: new nodes live in a scratch store that is
 * reused by the next query, and are first looked up among the frozen nodes so that the result stays
 * canonical (reduced), which is what makes `support` exact.
 */
import type { Tables } from './tables.ts';

/** A restricted diagram: a root plus the scratch nodes it may point to (ids >= tables.nodes.length). */
export interface Restricted {
  root: number;
  node(id: number): readonly number[];
  /** The facts the restricted diagram depends on, in fact order. */
  support(): number[];
  /** The same set as a key: equal keys, equal sets. */
  supportKey(): number | string;
}

const UNKNOWN = -1;

/** Follows a total assignment from `root` to its terminal index. */
export function follow(tables: Tables, root: number, assignment: Int32Array): number {
  let h = root;
  while (h >= 0) {
    const n = tables.nodes[h]!;
    h = n[1 + assignment[n[0]!]!]!;
  }
  return -1 - h;
}

/** A hash of a node (its fact and children), for finding equal nodes without building string keys. */
function hashNode(n: readonly number[]): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < n.length; i++) h = (Math.imul(h ^ n[i]!, 0x9e3779b1) + 0x7f4a7c15) | 0;
  return h;
}

const uniqueIndexes = new WeakMap<Tables, Int32Array>();

/**
 * The frozen nodes by hash, open addressing over node id + 1 (0 = empty): equal nodes are looked up
 * here first, so restricted diagrams stay canonical.
 */
function uniqueIndex(tables: Tables): Int32Array {
  let index = uniqueIndexes.get(tables);
  if (!index) {
    let size = 16;
    while (size < tables.nodes.length * 2) size *= 2;
    index = new Int32Array(size);
    const mask = size - 1;
    tables.nodes.forEach((n, id) => {
      let slot = hashNode(n) & mask;
      while (index![slot] !== 0) slot = (slot + 1) & mask;
      index![slot] = id + 1;
    });
    uniqueIndexes.set(tables, index);
  }
  return index;
}

/**
 * Per pack, the working memory of `restrict`, reused by every call (nothing is allocated per node):
 * the memo over frozen nodes (valid where `stamp` holds the call's number), a stack of candidate
 * children, and the scratch nodes of the current call, flat, with their own hash table and the
 * facts each depends on (`words` 32-bit words of fact bits per node).
 */
interface RestrictScratch {
  memo: Int32Array;
  stamp: Uint32Array;
  call: number;
  stack: Int32Array;
  data: Int32Array;
  starts: Int32Array;
  masks: Int32Array;
  count: number;
  end: number;
  table: Int32Array;
  tableStamp: Uint32Array;
  /** The facts each frozen node's function depends on. */
  frozenMasks: Int32Array;
  words: number;
  /** The known facts of the current call, as bits. */
  known: Int32Array;
}

const restrictScratch = new WeakMap<Tables, RestrictScratch>();

/** The facts each frozen node depends on, as bit masks (every fact on a reduced diagram's paths matters). */
function frozenSupport(tables: Tables, words: number): Int32Array {
  const masks = new Int32Array(tables.nodes.length * words);
  const done = new Uint8Array(tables.nodes.length);
  const visit = (h: number): void => {
    if (h < 0 || done[h]) return;
    done[h] = 1;
    const n = tables.nodes[h]!;
    const at = h * words;
    masks[at + (n[0]! >> 5)] |= 1 << (n[0]! & 31);
    for (let i = 1; i < n.length; i++) {
      const c = n[i]!;
      if (c < 0) continue;
      visit(c);
      for (let w = 0; w < words; w++) masks[at + w] |= masks[c * words + w]!;
    }
  };
  for (let h = 0; h < tables.nodes.length; h++) visit(h);
  return masks;
}

function scratchOf(tables: Tables): RestrictScratch {
  let s = restrictScratch.get(tables);
  if (!s) {
    const base = tables.nodes.length;
    const words = Math.max(1, Math.ceil(tables.facts.length / 32));
    const widest = Math.max(2, ...tables.facts.map((f) => f.values.length));
    s = {
      memo: new Int32Array(base),
      stamp: new Uint32Array(base),
      call: 0,
      // A path tests each fact at most once, so the candidates on the stack never exceed this.
      stack: new Int32Array((tables.facts.length + 1) * widest),
      data: new Int32Array(1024),
      starts: new Int32Array(256),
      masks: new Int32Array(256 * words),
      count: 0,
      end: 0,
      table: new Int32Array(1024),
      tableStamp: new Uint32Array(1024),
      frozenMasks: frozenSupport(tables, words),
      words,
      known: new Int32Array(words),
    };
    restrictScratch.set(tables, s);
  }
  return s;
}

function grownInt(a: Int32Array, need: number): Int32Array {
  const b = new Int32Array(Math.max(a.length * 2, need));
  b.set(a);
  return b;
}

/**
 * Restricts the diagram at `root` to the known facts of `assignment` (-1 = unknown). The result's
 * scratch nodes live until the next call of `restrict` on the same tables.
 */
export function restrict(tables: Tables, root: number, assignment: Int32Array): Restricted {
  const base = tables.nodes.length;
  const frozen = uniqueIndex(tables);
  const m = scratchOf(tables);
  const { memo, stamp, stack, frozenMasks, words } = m;
  // A new call number invalidates every memo entry at once (wrapping: clear the stamps).
  if (++m.call === 0xffffffff) {
    stamp.fill(0);
    m.tableStamp.fill(0);
    m.call = 1;
  }
  const call = m.call;
  m.count = 0;
  m.end = 0;
  // The known facts as bits: a frozen node that depends on none of them restricts to itself.
  const known = m.known;
  known.fill(0);
  for (let v = 0; v < assignment.length; v++) if (assignment[v] !== UNKNOWN) known[v >> 5] |= 1 << (v & 31);
  /** The node testing v with the `width` children at stack[at…]: a frozen node, a scratch node, or a new scratch node. */
  const make = (v: number, at: number, width: number): number => {
    let h = 0x811c9dc5 | 0;
    h = (Math.imul(h ^ v, 0x9e3779b1) + 0x7f4a7c15) | 0;
    for (let i = 0; i < width; i++) h = (Math.imul(h ^ stack[at + i]!, 0x9e3779b1) + 0x7f4a7c15) | 0;
    const frozenMask = frozen.length - 1;
    for (let slot = h & frozenMask, id = frozen[slot]! - 1; id >= 0; slot = (slot + 1) & frozenMask, id = frozen[slot]! - 1) {
      const n = tables.nodes[id]!;
      if (n[0] !== v || n.length !== width + 1) continue;
      let same = true;
      for (let i = 0; i < width && same; i++) same = n[1 + i] === stack[at + i];
      if (same) return id;
    }
    const mask = m.table.length - 1;
    let slot = h & mask;
    for (; m.tableStamp[slot] === call; slot = (slot + 1) & mask) {
      const k = m.table[slot]!;
      const o = m.starts[k]!;
      if (m.data[o] !== v) continue;
      let same = true;
      for (let i = 0; i < width && same; i++) same = m.data[o + 1 + i] === stack[at + i];
      if (same) return base + k;
    }
    const k = m.count++;
    if (k >= m.starts.length) {
      m.starts = grownInt(m.starts, k + 1);
      m.masks = grownInt(m.masks, (k + 1) * words * 2);
    }
    if (m.end + width + 1 > m.data.length) m.data = grownInt(m.data, m.end + width + 1);
    const o = m.end;
    m.starts[k] = o;
    m.data[o] = v;
    const at2 = k * words;
    for (let w = 0; w < words; w++) m.masks[at2 + w] = 0;
    m.masks[at2 + (v >> 5)] |= 1 << (v & 31);
    for (let i = 0; i < width; i++) {
      const c = stack[at + i]!;
      m.data[o + 1 + i] = c;
      if (c < 0) continue;
      const from = c < base ? frozenMasks : m.masks;
      const cAt = (c < base ? c : c - base) * words;
      for (let w = 0; w < words; w++) m.masks[at2 + w] |= from[cAt + w]!;
    }
    m.end += width + 1;
    m.table[slot] = k;
    m.tableStamp[slot] = call;
    if (m.count * 2 > m.table.length) rehash(m, call);
    return base + k;
  };
  let top = 0;
  const go = (h: number): number => {
    if (h < 0) return h;
    if (stamp[h] === call) return memo[h]!;
    let untouched = true;
    for (let w = 0, at = h * words; w < words && untouched; w++) untouched = (frozenMasks[at + w]! & known[w]!) === 0;
    if (untouched) return h;
    const n = tables.nodes[h]!;
    const v = n[0]!;
    const value = assignment[v]!;
    let result: number;
    if (value !== UNKNOWN) result = go(n[1 + value]!);
    else {
      const width = n.length - 1;
      const at = top;
      top += width;
      let same = true;
      let unchanged = true;
      for (let i = 0; i < width; i++) {
        const c = go(n[1 + i]!);
        stack[at + i] = c;
        if (c !== stack[at]) same = false;
        if (c !== n[1 + i]) unchanged = false;
      }
      // Unchanged children: the frozen node itself (it is reduced and unique already).
      result = same ? stack[at]! : unchanged ? h : make(v, at, width);
      top = at;
    }
    // Restriction is not re-entrant (no callbacks), so the memo cannot be reused under a live call.
    stamp[h] = call;
    memo[h] = result;
    return result;
  };
  const result = go(root);
  const node = (id: number): readonly number[] => {
    if (id < base) return tables.nodes[id]!;
    const o = m.starts[id - base]!;
    return Array.from(m.data.subarray(o, o + 1 + tables.facts[m.data[o]!]!.values.length));
  };
  const supportOf = (id: number): number[] => {
    const out: number[] = [];
    if (id < 0) return out;
    const masks = id < base ? frozenMasks : m.masks;
    const at = (id < base ? id : id - base) * words;
    for (let w = 0; w < words; w++) for (let bits = masks[at + w]!; bits !== 0; bits &= bits - 1) out.push(w * 32 + (31 - Math.clz32(bits & -bits)));
    return out;
  };
  const supportKey = (): number | string => {
    if (result < 0) return 0;
    const masks = result < base ? frozenMasks : m.masks;
    const at = (result < base ? result : result - base) * words;
    if (words === 1) return masks[at]!;
    let key = '';
    for (let w = 0; w < words; w++) key += `${masks[at + w]},`;
    return key;
  };
  return { root: result, node, support: () => supportOf(result), supportKey };
}

/** Doubles the scratch hash table and re-inserts the current call's nodes. */
function rehash(m: RestrictScratch, call: number): void {
  const size = m.table.length * 2;
  m.table = new Int32Array(size);
  m.tableStamp = new Uint32Array(size);
  const mask = size - 1;
  for (let k = 0; k < m.count; k++) {
    const o = m.starts[k]!;
    const v = m.data[o]!;
    let h = 0x811c9dc5 | 0;
    h = (Math.imul(h ^ v, 0x9e3779b1) + 0x7f4a7c15) | 0;
    // The width is where the next node starts (or the end).
    const next = k + 1 < m.count ? m.starts[k + 1]! : m.end;
    for (let i = o + 1; i < next; i++) h = (Math.imul(h ^ m.data[i]!, 0x9e3779b1) + 0x7f4a7c15) | 0;
    let slot = h & mask;
    while (m.tableStamp[slot] === call) slot = (slot + 1) & mask;
    m.table[slot] = k;
    m.tableStamp[slot] = call;
  }
}

/** The facts a restricted diagram depends on (exactly: the diagram is reduced), in fact order. */
export function support(r: Restricted): number[] {
  return r.support();
}

/** The terminal indices reachable in a restricted diagram, in ascending order. */
export function reachableTerminals(r: Restricted): number[] {
  const out = new Set<number>();
  const seen = new Set<number>();
  const walk = (h: number): void => {
    if (h < 0) {
      out.add(-1 - h);
      return;
    }
    if (seen.has(h)) return;
    seen.add(h);
    const n = r.node(h);
    for (let i = 1; i < n.length; i++) walk(n[i]!);
  };
  walk(r.root);
  return [...out].sort((a, b) => a - b);
}

/** Which epoch of the tables covers a date (YYYY-MM-DD). */
export function epochFor(tables: Tables, date: string): number {
  for (let i = tables.epochs.length - 1; i > 0; i--) {
    const from = tables.epochs[i]!.from;
    if (from !== undefined && from <= date) return i;
  }
  return 0;
}
