/**
 * Findings about priorities, exact on the diagrams: a priority between two rules that never both
 * apply in the same situation (LOV4011, redundant), and a part of a rule's condition that only
 * restates a priority (LOV4012): removing it changes nothing, while without the priorities it would.
 */
import { diagnostic } from '../diagnostics/catalogue.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { build, newBuilder, rulesOfLeaf, type BuiltPack } from '../ir/compile.ts';
import { priorities } from '../ir/priorities.ts';
import type { IRExpr, IRPack } from '../ir/types.ts';

/** Both kinds of finding: `priorityFindings(pack, build(pack))`. */
export function priorityFindings(pack: IRPack, built: BuiltPack): Diagnostic[] {
  if (!pack.rules.some((r) => r.prevailsOver?.length)) return [];
  const restated = restatedPriorities(pack, built);
  // Where a condition part only restates a priority, it is also what keeps the two rules apart: say that once.
  const explained = new Set(restated.map((d) => d.range));
  return [...redundantPriorities(pack, built).filter((d) => !d.related.some((r) => explained.has(r.range))), ...restated];
}

function redundantPriorities(pack: IRPack, built: BuiltPack): Diagnostic[] {
  const { builder } = built;
  const T = built.truth(true);
  const F = built.truth(false);
  const out: Diagnostic[] = [];
  pack.rules.forEach((rule, a) => {
    for (const b of rule.prevailsOver ?? []) {
      const meet = built.epochs.some((e) => builder.apply(e.scopes[a]!, e.scopes[b]!, (x, y) => (x === T && y === T ? T : F)) !== F);
      if (!meet) out.push(diagnostic('LOV4011', rule.range, [rule.id, pack.rules[b]!.id], {
        related: [{ range: pack.rules[b]!.range, message: { nb: `${pack.rules[b]!.id} er her.`, en: `${pack.rules[b]!.id} is here.` } }],
        hint: { nb: `Fjern ${pack.rules[b]!.id} fra «prevails over», eller sjekk betingelsene.`, en: `Remove ${pack.rules[b]!.id} from “prevails over”, or check the conditions.` },
      }));
    }
  });
  return out;
}

/** The pack with conjunct k of rule i's condition left out. */
function dropConjunct(pack: IRPack, i: number, k: number): IRPack {
  const rules = pack.rules.slice();
  const when = rules[i]!.when as { k: 'and'; es: IRExpr[] };
  const es = when.es.filter((_, j) => j !== k);
  rules[i] = { ...rules[i]!, when: es.length === 1 ? es[0]! : { k: 'and', es } };
  return { ...pack, rules };
}

/** Whether two packs over the same facts decide everything the same way, reasons included. */
function same(a: IRPack, b: IRPack): boolean {
  const builder = newBuilder(a);
  const x = build(a, builder);
  const y = build(b, builder);
  return x.epochs.length === y.epochs.length && x.epochs.every((e, i) => e.full === y.epochs[i]!.full);
}

/**
 * LOV4012 for a top-level `and` part c of a rule B that some rule prevails over, when leaving c out
 * lets B apply in more situations, all of them where a rule that prevails over B gives the answer,
 * and the whole pack then decides exactly as before (confirmed on fresh diagrams).
 */
function restatedPriorities(pack: IRPack, built: BuiltPack): Diagnostic[] {
  const { builder } = built;
  const T = built.truth(true);
  const F = built.truth(false);
  const and = (x: number, y: number) => builder.apply(x, y, (p, q) => (p === T && q === T ? T : F));
  const or = (x: number, y: number) => builder.apply(x, y, (p, q) => (p === T || q === T ? T : F));
  const out: Diagnostic[] = [];
  pack.rules.forEach((rule, i) => {
    const order = priorities(pack);
    const winners = pack.rules.flatMap((_, a) => (order.over(a, i) ? [a] : []));
    if (winners.length === 0 || rule.when.k !== 'and') return;
    const es = rule.when.es;
    es.forEach((c, k) => {
      const rest = es.filter((_, j) => j !== k);
      const candidate = built.epochs.every((e) => {
        const parents = rule.parents.reduce((acc, p) => or(acc, e.scopes[p]!), rule.parents.length ? F : T);
        const widened = and(and(built.condition({ k: 'and', es: rest }), parents), built.condition({ k: 'not', e: c }));
        const won = winners.reduce((acc, a) => or(acc, builder.mapLeaves(e.full, (h) => (rulesOfLeaf(builder.value(h)).some((r) => (pack.rules[r]!.reasonOf ?? r) === a) ? T : F))), F);
        return widened !== F && and(widened, builder.mapLeaves(won, (x) => (x === T ? F : T))) === F;
      });
      if (candidate && same(pack, dropConjunct(pack, i, k))) {
        out.push(diagnostic('LOV4012', rule.range, [showExpr(pack, c), rule.id], {
          hint: { nb: `Del ${k + 1} av betingelsen («when») til ${rule.id} kan fjernes: den sier bare det forrangen allerede sier.`, en: `Part ${k + 1} of the condition (“when”) of ${rule.id} can be removed: it only says what the priority already says.` },
        }));
      }
    });
  });
  return out;
}

/** An IR condition in words close to the source: `channel in {email, sms}`, `not hasConsent`. */
export function showExpr(pack: IRPack, e: IRExpr): string {
  switch (e.k) {
    case 'const':
      return String(e.v);
    case 'in': {
      const fact = pack.facts[e.fact]!;
      const on = fact.values.filter((_, v) => (e.mask >> v) & 1);
      if (fact.type === 'boolean') return on[0] === 'true' ? fact.name : `not ${fact.name}`;
      const off = fact.values.filter((_, v) => !((e.mask >> v) & 1));
      if (on.length === 1) return `${fact.name} = ${on[0]}`;
      if (off.length === 1) return `${fact.name} != ${off[0]}`;
      return `${fact.name} in {${on.join(', ')}}`;
    }
    case 'not':
      if (e.e.k === 'in') return showExpr(pack, { k: 'in', fact: e.e.fact, mask: ((1 << pack.facts[e.e.fact]!.values.length) - 1) & ~e.e.mask });
      return `not (${showExpr(pack, e.e)})`;
    case 'and':
    case 'or':
      return `(${e.es.map((x) => showExpr(pack, x)).join(` ${e.k} `)})`;
  }
}
