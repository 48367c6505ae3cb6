/**
 * The editor's index of a compiled pack: where each fact, condition, rule, obligation, obligation
 * set, source and enum value is declared and every place its name is written. It only reads the
 * compiler's syntax trees (name checks and their diagnostics stay in compiler/check).
 */
import type { Declaration, Expr, FactDecl, LovFile, Name, Range } from '../ast/types.ts';

export type SymbolKind = 'fact' | 'condition' | 'rule' | 'obligation' | 'obligationSet' | 'source' | 'value';

export interface PackSymbol {
  /** `channel`, `R30`, or `channel.email` for an enum value. */
  key: string;
  kind: SymbolKind;
  name: string;
  decl: Declaration;
  /** Where the name is declared. */
  range: Range;
}

export interface Occurrence {
  key: string;
  range: Range;
  isDeclaration: boolean;
}

export interface PackIndex {
  symbols: Map<string, PackSymbol>;
  occurrences: Occurrence[];
  facts: FactDecl[];
  /** Every declaration, for hovers that need more than a name (e.g. statute texts). */
  declarations: Declaration[];
}

const isName = (v: unknown): v is Name =>
  typeof v === 'object' && v !== null && typeof (v as Name).text === 'string' && typeof (v as Name).range === 'object';

/** The names written in value positions of an expression: `fact = VALUE`, `fact in {VALUES}`. */
function valueNames(node: unknown, out: Array<{ fact: Name; value: Name }>, seen: Set<unknown>): void {
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  const e = node as Expr & { kind?: string };
  if (e.kind === 'compare') out.push({ fact: e.fact, value: e.value });
  if (e.kind === 'in') for (const v of e.values) out.push({ fact: e.fact, value: v });
  const g = node as { fact?: Name; value?: Name; range?: Range; kind?: string };
  if (g.kind === undefined && isName(g.fact) && isName(g.value)) out.push({ fact: g.fact, value: g.value }); // `given`
  for (const child of Object.values(node)) valueNames(child, out, seen);
}

/** Every Name node under `node`, except those in `skip`. */
function allNames(node: unknown, skip: Set<Name>, out: Name[], seen = new Set<unknown>()): void {
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  if (isName(node)) {
    if (!skip.has(node)) out.push(node);
    return;
  }
  for (const child of Object.values(node)) allNames(child, skip, out, seen);
}

function declare(index: PackIndex, kind: SymbolKind, key: string, name: Name, decl: Declaration): void {
  if (index.symbols.has(key)) return; // a duplicate: the compiler reports it; the first one wins here
  index.symbols.set(key, { key, kind, name: name.text, decl, range: name.range });
  index.occurrences.push({ key, range: name.range, isDeclaration: true });
}

/** Builds the index of the files of one pack. */
export function indexPack(files: readonly LovFile[]): PackIndex {
  const index: PackIndex = { symbols: new Map(), occurrences: [], facts: [], declarations: [] };
  const decls = files.flatMap((f) => f.declarations);
  index.declarations = decls;
  const declNames = new Set<Name>();
  for (const d of decls) {
    const named = d as Declaration & { name?: Name };
    if (d.kind === 'fact') {
      index.facts.push(d);
      declare(index, 'fact', d.name.text, d.name, d);
      for (const v of d.values) declare(index, 'value', `${d.name.text}.${v.name.text}`, v.name, d), declNames.add(v.name);
    } else if (d.kind === 'condition' || d.kind === 'rule' || d.kind === 'obligation' || d.kind === 'obligationSet' || d.kind === 'source') {
      declare(index, d.kind, d.name.text, d.name, d);
    }
    // `reason ID …` blocks inside a rule (the language's reasons) share the rules' namespace.
    for (const r of (d as { reasons?: Array<{ name?: unknown }> }).reasons ?? []) {
      if (isName(r.name)) declare(index, 'rule', r.name.text, r.name, d), declNames.add(r.name);
    }
    if (isName(named.name)) declNames.add(named.name);
  }
  for (const d of decls) {
    const values: Array<{ fact: Name; value: Name }> = [];
    valueNames(d, values, new Set());
    if (d.kind === 'fact') {
      if (d.typical) values.push({ fact: d.name, value: d.typical });
      for (const a of d.actions ?? []) values.push({ fact: d.name, value: a.value });
    }
    const skip = new Set<Name>(declNames);
    for (const { fact, value } of values) {
      skip.add(value);
      const key = `${fact.text}.${value.text}`;
      if (index.symbols.has(key)) index.occurrences.push({ key, range: value.range, isDeclaration: false });
    }
    const names: Name[] = [];
    allNames(d, skip, names);
    for (const n of names) if (index.symbols.has(n.text)) index.occurrences.push({ key: n.text, range: n.range, isDeclaration: false });
  }
  return index;
}

/** True when the 1-based `line`/`column` lies in `range` (its end included, so a cursor after a name finds it). */
export function contains(range: Range, file: string, line: number, column: number): boolean {
  if (range.file !== file) return false;
  const afterStart = line > range.start.line || (line === range.start.line && column >= range.start.column);
  const beforeEnd = line < range.end.line || (line === range.end.line && column <= range.end.column);
  return afterStart && beforeEnd;
}

/** The occurrence (declaration or use) at a position, if any. */
export function occurrenceAt(index: PackIndex, file: string, line: number, column: number): Occurrence | undefined {
  return index.occurrences.find((o) => contains(o.range, file, line, column));
}
