/**
 * Build-time only (Node): compiles the bundled rule pack once and derives what the site needs from it —
 * the full tables (the on-demand questionnaire decides with them) and the rule reference (every rule and
 * obligation grouped by the pack file it is written in, with the examples that exercise each rule).
 * site/build/vite-pack.mjs loads this file and exposes the results as virtual modules.
 */
import { basename } from 'node:path';
import { loadDefaultPack } from '../../compiler/index.ts';
import { decideAssignment } from '../../compiler/runtime/index.ts';
import type { Tables } from '../../compiler/runtime/tables.ts';
import type { PackReference, ReferenceExample } from '../lib/reference-types.ts';

/** The full compiled tables and the rule reference of the bundled pack. */
export function packData(): { tables: Tables; reference: PackReference } {
  const pack = loadDefaultPack();
  const { ir, tables } = pack;
  const file = (path: string) => basename(path);

  // Which examples exercise which rule: decide each example as the test runner does, keep its reasons.
  const byRule = new Map<string, ReferenceExample[]>();
  for (const ex of ir.examples) {
    const assignment = new Int32Array(ir.facts.length).fill(-1);
    for (const g of ex.given) assignment[g.fact] = g.value;
    const date = ex.on ?? new Date().toISOString().slice(0, 10);
    const decision = decideAssignment(tables, assignment, date, 'nb');
    if ('error' in decision) continue;
    const facts = Object.fromEntries(
      ex.given.map((g) => {
        const f = ir.facts[g.fact]!;
        return [f.name, f.type === 'boolean' ? g.value === 1 : f.values[g.value]!];
      }),
    );
    const entry: ReferenceExample = { name: ex.name, file: file(ex.range.file), line: ex.range.start.line, facts, outcome: decision.outcome, ...(ex.on ? { on: ex.on } : {}) };
    for (const r of decision.reasons) {
      const list = byRule.get(r.rule) ?? [];
      list.push(entry);
      byRule.set(r.rule, list);
    }
  }

  const rules = ir.rules.map((r, i) => ({
    ...tables.rules[i]!,
    file: file(r.range.file),
    line: r.range.start.line,
    exceptionTo: r.parents.map((i) => ir.rules[i]!.id),
    exceptions: r.exceptions.map((i) => ir.rules[i]!.id),
    obligations: [...new Set(r.obligations.map((o) => ir.obligations[o.obligation]!.code))],
    examples: byRule.get(r.id) ?? [],
    ...(r.reasonOf !== undefined ? { reasonOf: ir.rules[r.reasonOf]!.id } : {}),
    reasons: (r.reasons ?? []).map((x) => ir.rules[x]!.id),
    quoted: (r.statutes ?? []).map((s) => tables.statutes![s]!),
  }));
  const obligations = ir.obligations.map((o) => ({
    code: o.code,
    file: file(o.range.file),
    line: o.range.start.line,
    text: o.text,
    citations: o.citations,
    ...(o.from ? { from: o.from } : {}),
    ...(o.until ? { until: o.until } : {}),
    rules: rules.filter((r) => r.obligations.includes(o.code)).map((r) => r.id),
  }));
  // Files in the order the pack imports them (the order of their first rule or obligation).
  const files = [...new Set([...obligations.map((o) => o.file), ...rules.map((r) => r.file)])];
  return { tables, reference: { version: tables.version, files, rules, obligations } };
}
