/**
 * Questionnaire metrics. The questionnaire always asks the first fact that still matters, which is
 * the fact tested at the root of the restricted decision diagram; answering it follows one edge.
 * So the questionnaire's paths are exactly the root-to-leaf paths of the diagram, and they can be
 * counted and measured without walking them one by one.
 */
import { epochFor, restrict } from '../runtime/diagram.ts';
import type { Tables } from '../runtime/tables.ts';

export interface QuestionnaireStats {
  /** Distinct paths through the questionnaire (distinct sequences of answers that settle it). */
  paths: number;
  /** Mean and maximum number of questions over those paths. */
  meanQuestions: number;
  maxQuestions: number;
  /** Expected number of questions when every answer to every question is equally likely. */
  expectedQuestions: number;
  /** Distinct questionnaire states (diagram nodes). */
  states: number;
}

/** Counts the questionnaire's paths and their lengths on a date, optionally after some answers (value indices, -1 = unknown). */
export function questionnaireStats(tables: Tables, date: string, answered?: Int32Array): QuestionnaireStats {
  const decision = tables.epochs[epochFor(tables, date)]!.decision;
  const r = restrict(tables, decision, answered ?? new Int32Array(tables.facts.length).fill(-1));
  const root = r.root;
  type Measure = { paths: number; totalLength: number; max: number; expected: number };
  const memo = new Map<number, Measure>();
  const visit = (h: number): Measure => {
    if (h < 0) return { paths: 1, totalLength: 0, max: 0, expected: 0 };
    const hit = memo.get(h);
    if (hit) return hit;
    const kids = r.node(h).slice(1).map(visit);
    const result = {
      paths: kids.reduce((n, k) => n + k.paths, 0),
      totalLength: kids.reduce((n, k) => n + k.totalLength + k.paths, 0), // every path below gets one more question
      max: 1 + Math.max(...kids.map((k) => k.max)),
      expected: 1 + kids.reduce((n, k) => n + k.expected, 0) / kids.length,
    };
    memo.set(h, result);
    return result;
  };
  const top = visit(root);
  return { paths: top.paths, meanQuestions: top.totalLength / top.paths, maxQuestions: top.max, expectedQuestions: top.expected, states: memo.size };
}
