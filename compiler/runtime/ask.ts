/**
 * The next question: the decision so far, the fact or screen to ask next (compiler/runtime/choice.ts)
 * and «why we ask» it. Browser-safe, no dependencies.
 */
import type { Outcome } from '../ast/types.ts';
import type { Decision, InputError, Lang, Question } from '../evaluate/types.ts';
import { questionPlan, screenIndex } from './choice.ts';
import { epochFor, reachableTerminals, restrict } from './diagram.ts';
import { checkDate, citationOut, decideAssignment, today, validateFacts, type DecideOptions } from './engine.ts';
import { CAN_TRUE, freshMemo, reachUnder, rulesInPlay } from './reach.ts';
import type { TableEpoch, Tables, TextPair } from './tables.ts';

/** The yes/no answers of a screen. */
const SCREEN_ANSWERS: { yes: TextPair; no: TextPair } = {
  yes: { nb: 'Ja, alt stemmer', en: 'Yes, all of it' },
  no: { nb: 'Nei, ikke alt / vet ikke', en: 'No, not all of it / I don\'t know' },
};

/**
 * The decision so far and, unless it is settled, the next question (compiler/runtime/choice.ts: a
 * fact that still matters, by the declared order and then by the fewest expected questions; or a
 * screen, `type: 'screen'`, that asks several facts together, see compiler/runtime/screens.ts) and the
 * most questions left on this path, this one included. `decision.missing` then lists the question's
 * facts first. A screen's «yes» is given back as its `confirms` facts, its «no» as `options.declined`.
 */
export function nextQuestion(tables: Tables, facts: unknown, options: DecideOptions = {}): { decision: Decision; question?: Question; atMost?: number } | { error: InputError } {
  const date = options.date ?? today();
  const lang = options.lang ?? 'nb';
  const bad = checkDate(date);
  if (bad) return { error: bad };
  const valid = validateFacts(tables, facts);
  if ('error' in valid) return valid;
  const decided = decideAssignment(tables, valid.assignment, date, lang);
  if ('error' in decided) return decided;
  if (decided.outcome !== null) return { decision: decided };
  const declined: number[] = [];
  for (const name of options.declined ?? []) {
    const i = screenIndex(tables, name);
    const choices = (tables.screens ?? []).map((x) => x.name);
    if (i < 0) return { error: { code: 'E_BAD_VALUE', message: `${JSON.stringify(name)} is not a screen of this rule pack; declined takes screen names${choices.length ? ` (${choices.join(', ')})` : ''} (ukjent skjerm).`, field: 'declined', value: name, choices } };
    declined.push(i);
  }
  const epoch = tables.epochs[epochFor(tables, date)]!;
  const plan = questionPlan(tables, epoch.decision, valid.assignment, declined)!;
  const ask = plan.ask;
  const v = ask.fact;
  const fact = tables.facts[v]!;
  const asked = ask.screen === undefined ? [v] : ask.listed.map((m) => m.fact);
  // Decisions are shared frozen objects: the one returned here is a copy with the question's facts first.
  const names = asked.map((f) => tables.facts[f]!.name);
  const decision: Decision = { ...decided, missing: [...names, ...decided.missing.filter((m) => !names.includes(m))] };
  // Why: the rules whose application depends on the answer (for a screen, on any of its facts), in the pack's order.
  const byId = new Map(asked.flatMap((f) => questionWhy(tables, date, [valid.assignment], f, lang)).map((w) => [w.rule, w]));
  const why = tables.rules.flatMap((r) => byId.get(r.id) ?? []);
  const possible = [...new Set(reachableTerminals(restrict(tables, epoch.decision, valid.assignment)).flatMap((t) => {
    const term = tables.terminals[t]!;
    return term.kind === 'decision' ? [term.outcome as Outcome] : [];
  }))];
  if (ask.screen !== undefined) {
    const screen = tables.screens![ask.screen]!;
    const confirms = ask.listed.map((m) => {
      const f = tables.facts[m.fact]!;
      return { fact: f.name, value: f.type === 'boolean' ? m.value === 1 : f.values[m.value]!, text: screen.members.find((x) => x.fact === m.fact)!.text[lang] };
    });
    const question: Question = {
      fact: screen.name,
      type: 'screen',
      text: screen.question[lang],
      ...(screen.help ? { help: screen.help[lang] } : {}),
      values: [{ value: true, label: SCREEN_ANSWERS.yes[lang] }, { value: false, label: SCREEN_ANSWERS.no[lang] }],
      why,
      possible,
      confirms,
    };
    return { decision, question, atMost: plan.atMost };
  }
  const order = fact.type === 'boolean' ? [1, 0] : fact.values.map((_, i) => i);
  const asValue = (i: number): string | boolean => (fact.type === 'boolean' ? i === 1 : fact.values[i]!);
  const question: Question = {
    fact: fact.name,
    type: fact.type,
    text: fact.question[lang],
    ...(fact.help ? { help: fact.help[lang] } : {}),
    values: order.map((i) => ({ value: asValue(i), label: fact.labels[i]![lang] })),
    ...(fact.typical !== undefined ? { typical: asValue(fact.typical) } : {}),
    why,
    possible,
  };
  return { decision, question, atMost: plan.atMost };
}

/**
 * «Why we ask» fact `v`: the rules that can still decide for some of its values and not for another,
 * in any of the given cases (value indices, -1 = unknown); when none depends on it, every rule that
 * can still decide. In the pack's order. The questionnaire asks one case; the contact-list tool asks
 * a campaign question once for every group of rows that still needs it.
 */
export function questionWhy(tables: Tables, date: string, cases: Int32Array[], v: number, lang: Lang): Question['why'] {
  const epoch = tables.epochs[epochFor(tables, date)]!;
  const values = tables.facts[v]!.values.length;
  // Only a rule whose diagram reads v can depend on it; each is settled by the first case where it does.
  let open = readersOf(tables, epoch, v);
  const depends: number[] = [];
  for (const assignment of cases) {
    if (open.length === 0) break;
    const reach = Array.from({ length: values }, (_, value) => {
      const a = assignment.slice();
      a[v] = value;
      return reachUnder(tables, a, freshMemo(tables));
    });
    open = open.filter((r) => {
      const root = epoch.decides[r]!;
      const first = reach[0]!(root) & CAN_TRUE;
      if (reach.every((f) => (f(root) & CAN_TRUE) === first)) return true;
      depends.push(r);
      return false;
    });
  }
  let why = depends;
  if (why.length === 0) {
    const all = new Set<number>();
    for (const assignment of cases) {
      for (let value = 0; value < values; value++) {
        const a = assignment.slice();
        a[v] = value;
        for (const r of rulesInPlay(tables, epoch, a).possible) all.add(r);
      }
    }
    why = [...all];
  }
  return why.sort((x, y) => x - y).map((r) => {
    const rule = tables.rules[r]!;
    return { rule: rule.id, title: rule.title[lang], citations: rule.citations.map(citationOut) };
  });
}

const readers = new WeakMap<TableEpoch, number[][]>();

/** The rules of an epoch whose truth diagram reads fact `v` (kept per epoch). */
function readersOf(tables: Tables, epoch: TableEpoch, v: number): number[] {
  let byFact = readers.get(epoch);
  if (!byFact) {
    byFact = tables.facts.map(() => []);
    epoch.decides.forEach((root, r) => {
      const read = new Set<number>();
      const seen = new Set<number>();
      const walk = (h: number): void => {
        if (h < 0 || seen.has(h)) return;
        seen.add(h);
        const n = tables.nodes[h]!;
        read.add(n[0]!);
        for (let i = 1; i < n.length; i++) walk(n[i]!);
      };
      walk(root);
      for (const f of read) byFact![f]!.push(r);
    });
    readers.set(epoch, byFact);
  }
  return byFact[v]!;
}
