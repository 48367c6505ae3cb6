/**
 * Lowering: a checked Program becomes an IRPack. Names become indices, named conditions are
 * inlined, obligation sets are expanded (their `when`s conjoined) and citations become links.
 * Only called on programs that `check()` accepted, so every name resolves.
 */
import type { Citation, Expr, Name, Str, Text, ObligationUse } from '../ast/types.ts';
import type { Program } from '../check/program.ts';
import type { TableCitation, TableScreen, TextPair } from '../runtime/tables.ts';
import { statutesFor } from '../check/statutes.ts';
import type { IRCondition, IRExample, IRExpr, IRFact, IRObligationUse, IRPack, IRRule, IRStatute } from './types.ts';
import { packVersion } from './version.ts';

const BOOLEAN_VALUES = ['false', 'true'];
const BOOLEAN_LABELS: TextPair[] = [
  { nb: 'Nei', en: 'No' },
  { nb: 'Ja', en: 'Yes' },
];

/** Folds the line breaks and indentation inside a string literal into single spaces. */
export function foldText(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function pair(t: Text | undefined): TextPair {
  return { nb: foldText(t?.nb?.value ?? ''), en: foldText(t?.en?.value ?? '') };
}

function str(s: Str | undefined): string {
  return foldText(s?.value ?? '');
}

/** Extracts the section number of a pinpoint for a deep link: "§ 13 a andre ledd" → "13a". */
export function sectionOf(pinpoint: string): string | undefined {
  const m = /§\s*(\d+)(?:\s+([a-z])(?=$|[\s,.;)]))?/.exec(pinpoint);
  return m ? m[1] + (m[2] ?? '') : undefined;
}

export { packVersion };

/** Lowers a checked program to the IR: `lower(program, texts)`; `sha256` hashes the version (see packVersion). */
export function lower(program: Program, texts: ReadonlyMap<string, string>, sha256?: (bytes: Uint8Array) => string): IRPack {
  const factIndex = new Map<string, number>();
  const facts: IRFact[] = program.facts.map((f, i) => {
    factIndex.set(f.name.text, i);
    const values = f.type === 'boolean' ? BOOLEAN_VALUES : f.values.map((v) => v.name.text);
    const typical = f.typical ? values.indexOf(f.typical.text) : -1;
    return {
      name: f.name.text,
      type: f.type,
      values,
      question: pair(f.question),
      ...(f.help ? { help: pair(f.help) } : {}),
      labels: f.type === 'boolean' ? BOOLEAN_LABELS : f.values.map((v) => pair(v.label)),
      ...(typical >= 0 ? { typical } : {}),
      ...(f.actions?.length ? { actions: f.actions.map((a) => ({ value: values.indexOf(a.value.text), text: pair(a.text) })) } : {}),
      range: f.name.range,
    };
  });

  const fullMask = (fact: number): number => (1 << facts[fact]!.values.length) - 1;
  const valueMask = (fact: number, value: Name): number => 1 << facts[fact]!.values.indexOf(value.text);

  const conditionCache = new Map<string, IRExpr>();
  const lowerExpr = (e: Expr): IRExpr => {
    switch (e.kind) {
      case 'ref': {
        const fact = factIndex.get(e.name.text);
        if (fact !== undefined) return { k: 'in', fact, mask: 0b10 };
        return lowerCondition(e.name.text);
      }
      case 'compare': {
        const fact = factIndex.get(e.fact.text)!;
        const mask = valueMask(fact, e.value);
        return { k: 'in', fact, mask: e.op === '=' ? mask : fullMask(fact) & ~mask };
      }
      case 'in': {
        const fact = factIndex.get(e.fact.text)!;
        const mask = e.values.reduce((m, v) => m | valueMask(fact, v), 0);
        return { k: 'in', fact, mask: e.negated ? fullMask(fact) & ~mask : mask };
      }
      case 'not':
        return { k: 'not', e: lowerExpr(e.operand) };
      case 'and':
      case 'or':
        return { k: e.kind, es: e.operands.map(lowerExpr) };
    }
  };
  const lowerCondition = (name: string): IRExpr => {
    let expr = conditionCache.get(name);
    if (!expr) {
      expr = lowerExpr(program.conditions.get(name)!.means!);
      conditionCache.set(name, expr);
    }
    return expr;
  };
  const conditions: IRCondition[] = [...program.conditions.values()].map((c) => ({
    name: c.name.text,
    label: pair(c.label),
    expr: lowerCondition(c.name.text),
    range: c.name.range,
  }));

  const citation = (c: Citation): TableCitation => {
    const source = program.sources.get(c.source.text)!;
    const pinpoint = str(c.pinpoint);
    const section = sectionOf(pinpoint);
    const url = source.sectionUrl && section ? str(source.sectionUrl).replace('{section}', section) : str(source.url);
    const status = c.unverified ? 'unverified' : ((source.status?.text ?? 'unverified') as TableCitation['status']);
    return { source: c.source.text, ref: `${source.citedAs ? str(source.citedAs) : c.source.text} ${pinpoint}`, title: str(source.title), url, status };
  };

  const statutes: IRStatute[] = [];
  const statuteKeys = new Set<string>();
  for (const s of program.statutes) {
    const key = `${s.source.text}|${str(s.pinpoint)}`;
    if (statuteKeys.has(key)) continue;
    statuteKeys.add(key);
    const link = citation({ source: s.source, pinpoint: s.pinpoint, unverified: false, range: s.range });
    statutes.push({ source: s.source.text, pinpoint: str(s.pinpoint), ref: link.ref, status: s.status!.text as IRStatute['status'], text: str(s.text), url: link.url });
  }
  /** The statutes quoted by a list of citations, in citation order, each once. */
  const quoting = (cs: readonly Citation[]): { statutes?: number[] } => {
    const found = [...new Set(cs.flatMap((c) => statutesFor(statutes, c.source.text, c.pinpoint.value).map((x) => statutes.indexOf(x))))];
    return found.length ? { statutes: found } : {};
  };

  const obligationIndex = new Map<string, number>();
  const obligations = [...program.obligations.values()].map((o, i) => {
    obligationIndex.set(o.name.text, i);
    return {
      code: o.name.text,
      text: pair(o.text),
      citations: o.citations.map(citation),
      ...quoting(o.citations),
      ...(o.inForce?.from ? { from: o.inForce.from.value } : {}),
      ...(o.inForce?.until ? { until: o.inForce.until.value } : {}),
      range: o.name.range,
    };
  });

  const expandUses = (uses: readonly ObligationUse[], outer: IRExpr | undefined, out: IRObligationUse[]): void => {
    for (const use of uses) {
      const when = conjoin(outer, use.when ? lowerExpr(use.when) : undefined);
      for (const item of use.items) {
        const set = program.obligationSets.get(item.text);
        if (set) expandUses(set.includes, when, out);
        else out.push({ obligation: obligationIndex.get(item.text)!, when: when ?? { k: 'const', v: true } });
      }
    }
  };

  // Each rule is followed by its reasons, so tables list a rule's reasons in declaration order after it.
  const ruleIndex = new Map<string, number>();
  let next = 0;
  for (const r of program.rules) {
    ruleIndex.set(r.name.text, next++);
    for (const reason of r.reasons ?? []) ruleIndex.set(reason.name.text, next++);
  }
  const rules: IRRule[] = program.rules.flatMap((r) => {
    const uses: IRObligationUse[] = [];
    expandUses(r.must, undefined, uses);
    const self = ruleIndex.get(r.name.text)!;
    const reasons: IRRule[] = (r.reasons ?? []).map((reason) => ({
      id: reason.name.text,
      title: { nb: str(reason.title), en: str(reason.titleEn ?? reason.title) },
      parents: [],
      exceptions: [],
      when: reason.when ? lowerExpr(reason.when) : { k: 'const', v: true },
      outcome: r.outcome!.text,
      obligations: [],
      reason: pair(reason.because),
      ...(r.judgement ? { judgement: pair(r.judgement) } : {}),
      citations: reason.citations.map(citation),
      ...quoting(reason.citations),
      ...(r.inForce?.from ? { from: r.inForce.from.value } : {}),
      ...(r.inForce?.until ? { until: r.inForce.until.value } : {}),
      range: reason.name.range,
      reasonOf: self,
    }));
    const rule: IRRule = {
      id: r.name.text,
      title: { nb: str(r.title), en: str(r.titleEn ?? r.title) },
      parents: r.exceptionTo.map((p) => ruleIndex.get(p.text)!),
      exceptions: [],
      when: r.when ? lowerExpr(r.when) : { k: 'const', v: true },
      outcome: r.outcome!.text,
      obligations: uses,
      reason: pair(r.because),
      ...(r.judgement ? { judgement: pair(r.judgement) } : {}),
      citations: r.citations.map(citation),
      ...(r.inForce?.from ? { from: r.inForce.from.value } : {}),
      ...(r.inForce?.until ? { until: r.inForce.until.value } : {}),
      range: r.name.range,
      ...(r.prevailsOver?.length ? { prevailsOver: r.prevailsOver.map((p) => ruleIndex.get(p.text)!) } : {}),
      ...(r.prevailsExcept?.length ? { prevailsExcept: r.prevailsExcept.map((p) => ruleIndex.get(p.text)!) } : {}),
      ...(reasons.length ? { reasons: reasons.map((x) => ruleIndex.get(x.id)!) } : {}),
      ...quoting(r.citations),
    };
    return [rule, ...reasons];
  });
  rules.forEach((r, i) => r.parents.forEach((p) => rules[p]!.exceptions.push(i)));

  const examples: IRExample[] = program.examples.map((ex) => ({
    name: ex.name.value,
    given: ex.given.map((g) => {
      const fact = factIndex.get(g.fact.text)!;
      return { fact, value: facts[fact]!.values.indexOf(g.value.text) };
    }),
    ...(ex.typical ? { typical: true } : {}),
    ...(ex.on ? { on: ex.on.value } : {}),
    expect: ex.expect.map((e) => {
      switch (e.kind) {
        case 'outcome':
          return { kind: 'outcome' as const, outcome: e.outcome.text === 'undecided' ? null : e.outcome.text };
        case 'obligations':
          return { kind: 'obligations' as const, codes: e.codes.map((c) => c.text) };
        case 'rules':
          return { kind: 'rules' as const, rules: e.rules.map((c) => c.text) };
        case 'missing':
          return { kind: 'missing' as const, facts: e.facts.map((c) => c.text) };
      }
    }),
    range: ex.range,
  }));

  const screens: TableScreen[] = program.screens.map((sc) => ({
    name: sc.name.text,
    question: pair(sc.question),
    ...(sc.help ? { help: pair(sc.help) } : {}),
    members: sc.members.map((m) => {
      const fact = factIndex.get(m.fact.text)!;
      return { fact, value: facts[fact]!.values.indexOf(m.value.text), text: pair(m.text) };
    }),
  }));

  return { facts, rules, obligations, conditions, examples, ...(statutes.length ? { statutes } : {}), ...(screens.length ? { screens } : {}), version: packVersion(program.files.map((f) => texts.get(f.file) ?? ''), sha256) };
}

function conjoin(a: IRExpr | undefined, b: IRExpr | undefined): IRExpr | undefined {
  if (!a) return b;
  if (!b) return a;
  return { k: 'and', es: [a, b] };
}
