/**
 * Questionnaire metrics. A state of the questionnaire is the decision diagram restricted to the
 * answers so far (plus which question groups are open); the next question is a function of the state
 * (compiler/runtime/choice.ts). Equal states share one id in a DiagramStore, so every path of the
 * questionnaire is counted and measured by one memoised walk over the states, not one by one.
 */
import { DiagramStore, answerState, answerWeights, chooseFact, firstFact, openGroups, resolveOrder } from '../runtime/choice.ts';
import { epochFor } from '../runtime/diagram.ts';
import type { Tables } from '../runtime/tables.ts';

export interface QuestionnaireStats {
  /** Distinct paths through the questionnaire (distinct sequences of answers that settle it). */
  paths: number;
  /** Mean and maximum number of questions over those paths. */
  meanQuestions: number;
  maxQuestions: number;
  /** Expected number of questions when every answer to every question is equally likely. */
  expectedQuestions: number;
  /** Expected number of questions under the pack's typical answers (typical 70 %, the others evenly). */
  typicalQuestions: number;
  /** Distinct questionnaire states. */
  states: number;
}

/** How the next question is chosen: `chosen` (declared order, then expected information) or `declared` (the first fact that still matters). */
export type QuestionPolicy = 'chosen' | 'declared';

type Measure = { paths: number; totalLength: number; max: number; expected: number; typical: number };

/**
 * Measures the questionnaire on a date, optionally after some answers (value indices, -1 = unknown):
 * `questionnaireStats(tables, '2026-07-02')`.
 */
export function questionnaireStats(tables: Tables, date: string, answered?: Int32Array, policy: QuestionPolicy = 'chosen'): QuestionnaireStats {
  const store = new DiagramStore(tables);
  const order = resolveOrder(tables);
  const weights = answerWeights(tables);
  const given = answered ?? new Int32Array(tables.facts.length).fill(-1);
  const root = store.restrict(tables.epochs[epochFor(tables, date)]!.decision, given);
  const memo = new Map<string, Measure>();
  const choose = (h: number, open: number) => (policy === 'chosen' ? chooseFact(store, h, open, order, weights) : firstFact(store, h));
  const visit = (h: number, open: number): Measure => {
    if (h < 0) return { paths: 1, totalLength: 0, max: 0, expected: 0, typical: 0 };
    const key = `${h}:${open}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const fact = choose(h, open);
    const w = weights[fact]!;
    const kids = w.map((_, v) => {
      const next = answerState(store, h, open, order, fact, v);
      return visit(next.root, next.open);
    });
    const result = {
      paths: kids.reduce((n, k) => n + k.paths, 0),
      totalLength: kids.reduce((n, k) => n + k.totalLength + k.paths, 0), // every path below gets one more question
      max: 1 + Math.max(...kids.map((k) => k.max)),
      expected: 1 + kids.reduce((n, k) => n + k.expected, 0) / kids.length,
      typical: 1 + kids.reduce((n, k, v) => n + w[v]! * k.typical, 0),
    };
    memo.set(key, result);
    return result;
  };
  const top = visit(root, openGroups(order, (f) => given[f]! >= 0));
  return { paths: top.paths, meanQuestions: top.totalLength / top.paths, maxQuestions: top.max, expectedQuestions: top.expected, typicalQuestions: top.typical, states: memo.size };
}
