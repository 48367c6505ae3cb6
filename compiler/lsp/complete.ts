/**
 * Completion from the text before the cursor: values after `fact =` / `fact in {`, rule ids after
 * `exception to` / `prevails over`, obligations after `must` / `includes`, outcomes after `then` /
 * `expect`, sources after `cites` / `quotes`, and facts and conditions elsewhere.
 */
import { OUTCOMES } from '../ast/types.ts';
import type { PackIndex, SymbolKind } from './names.ts';

export interface Item {
  label: string;
  kind: SymbolKind | 'keyword';
  detail?: string;
}

const ID = '[A-Za-z_æøåÆØÅ][A-Za-z0-9_æøåÆØÅ]*';

function valuesOf(index: PackIndex, fact: string): Item[] {
  const f = index.facts.find((x) => x.name.text === fact);
  if (!f) return [];
  if (f.type === 'boolean') return ['true', 'false'].map((label) => ({ label, kind: 'value' }));
  return f.values.map((v) => ({ label: v.name.text, kind: 'value', detail: v.label?.nb?.value }));
}

function ofKind(index: PackIndex, ...kinds: SymbolKind[]): Item[] {
  return [...index.symbols.values()].filter((s) => kinds.includes(s.kind)).map((s) => ({ label: s.name, kind: s.kind }));
}

/** The completion items for the line text before the cursor. */
export function completions(index: PackIndex, before: string): Item[] {
  const value = new RegExp(`(${ID})\\s*(?:!=|=)\\s*(${ID})?$`).exec(before) ?? new RegExp(`(${ID})\\s+(?:not\\s+)?in\\s*\\{[^}]*$`).exec(before);
  if (value) return valuesOf(index, value[1]!);
  if (/\b(exception\s+to|prevails\s+over)\s+[^#]*$/.test(before) || /\bexpect\s+rule\s+[^#]*$/.test(before)) return ofKind(index, 'rule');
  if (/\b(must|includes|expect\s+obligations)\s+[^#]*$/.test(before) && !/\bwhen\b/.test(before)) return ofKind(index, 'obligation', 'obligationSet');
  if (/\b(then|expect)\s+\w*$/.test(before)) return [...OUTCOMES, 'undecided'].map((label) => ({ label, kind: 'keyword' }));
  if (/\b(cites|quotes|statute)\s+[^"#]*$/.test(before) || /,\s*\w*$/.test(before) && /\b(cites|quotes)\b/.test(before)) return ofKind(index, 'source');
  return ofKind(index, 'fact', 'condition');
}
