/**
 * The questionnaire's answers as they travel: read from a query string (no JavaScript) or a URL fragment
 * (JavaScript), written back in the same `fact=value` form, and the decision date. Browser-safe: the
 * server page, the receipt endpoints and the browser script all use it, so both paths agree exactly.
 */
import type { Tables } from '../../compiler/runtime/tables.ts';

/** Answers by fact name: an enumeration value name, or true/false for yes/no facts. */
export type Answers = Record<string, string | boolean>;

/**
 * The answers in `params` that name a fact of the pack and one of its values, or a screen (facts asked
 * together) and true (yes: its facts as listed) or false (no: asked one by one); anything else (unknown
 * names, bad values, repeated names after the first) is ignored, so a mangled address still works.
 */
export function readAnswers(tables: Tables, params: URLSearchParams): Answers {
  const answers: Answers = {};
  for (const screen of tables.screens ?? []) {
    const raw = params.get(screen.name);
    if (raw === 'true' || raw === 'false') answers[screen.name] = raw === 'true';
  }
  for (const fact of tables.facts) {
    const raw = params.get(fact.name);
    if (raw === null) continue;
    if (fact.type === 'boolean') {
      if (raw === 'true' || raw === 'false') answers[fact.name] = raw === 'true';
    } else if (fact.values.includes(raw)) {
      answers[fact.name] = raw;
    }
  }
  return answers;
}

/** `channel=email&senderActsInBusiness=true`: the answers as a query string or fragment, in the order given. */
export function answersQuery(answers: Answers): string {
  return new URLSearchParams(Object.entries(answers).map(([k, v]) => [k, String(v)])).toString();
}

/** The answers without one fact (to ask it again, or to go back one question). */
export function without(answers: Answers, fact: string): Answers {
  const { [fact]: _dropped, ...rest } = answers;
  return rest;
}

/** The answers without one answered question: its fact, or a screen's name and every fact its «yes» set. */
export function withoutAnswer(answers: Answers, answered: { fact: string; facts?: string[] }): Answers {
  const drop = new Set([answered.fact, ...(answered.facts ?? [])]);
  return Object.fromEntries(Object.entries(answers).filter(([k]) => !drop.has(k)));
}

/** Today in Norway as YYYY-MM-DD: the date a decision is made for (server and browser alike). */
export function todayInNorway(now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Whether `tables` (possibly sliced to one period) decide for `date`. */
export function coversDate(tables: Tables, date: string): boolean {
  return tables.epochs.some((e) => (!e.from || e.from <= date) && (!e.until || date <= e.until));
}
