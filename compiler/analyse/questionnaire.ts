/**
 * Questionnaire metrics. A state of the questionnaire is the decision diagram restricted to the
 * answers so far (plus which question groups are open); the next question is a function of the state
 * (compiler/runtime/choice.ts). Equal states share one id in a DiagramStore, so every path of the
 * questionnaire is counted and measured by one memoised walk over the states, not one by one.
 */
import { askAt, branches, choiceContext, openGroups, type AskState } from '../runtime/choice.ts';
import { SCREEN_POLICY, screensFrom, type ScreenPolicy } from '../runtime/screens.ts';
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
 * `questionnaireStats(tables, '2026-07-02')`. Screens (facts asked together) follow `screens`: the
 * questionnaire's own policy when the questions are chosen, none in declaration order.
 */
export function questionnaireStats(tables: Tables, date: string, answered?: Int32Array, policy: QuestionPolicy = 'chosen', screens: ScreenPolicy = policy === 'chosen' ? SCREEN_POLICY : 'off'): QuestionnaireStats {
  const c = choiceContext(tables);
  const given = answered ?? new Int32Array(tables.facts.length).fill(-1);
  const root = c.store.restrict(tables.epochs[epochFor(tables, date)]!.decision, given);
  const memo = new Map<string, Measure>();
  const visit = (s: AskState): Measure => {
    if (s.root < 0) return { paths: 1, totalLength: 0, max: 0, expected: 0, typical: 0 };
    const key = `${s.root}:${s.open}:${s.sc}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const kids = branches(c, s, askAt(c, s, screens, policy === 'declared')).map((b) => ({ weight: b.weight, uniform: b.uniform, m: visit(b.state) }));
    const result = {
      paths: kids.reduce((n, k) => n + k.m.paths, 0),
      totalLength: kids.reduce((n, k) => n + k.m.totalLength + k.m.paths, 0), // every path below gets one more question
      max: 1 + Math.max(...kids.map((k) => k.m.max)),
      expected: 1 + kids.reduce((n, k) => n + k.uniform * k.m.expected, 0),
      typical: 1 + kids.reduce((n, k) => n + k.weight * k.m.typical, 0),
    };
    memo.set(key, result);
    return result;
  };
  const top = visit({ root, open: openGroups(c.order, (f) => given[f]! >= 0), sc: screensFrom(c.screens, given, []) });
  return { paths: top.paths, meanQuestions: top.totalLength / top.paths, maxQuestions: top.max, expectedQuestions: top.expected, typicalQuestions: top.typical, states: memo.size };
}
