/**
 * Questionnaire metrics. The questionnaire always asks the first fact that still matters, which is
 * the fact tested at the root of the restricted decision diagram; answering it follows one edge.
 * So the questionnaire's paths are exactly the root-to-leaf paths of the diagram, and they can be
 * counted and measured without walking them one by one.
 */
import { epochFor } from '../runtime/diagram.ts';
import type { Tables } from '../runtime/tables.ts';

export interface QuestionnaireStats {
  /** Distinct paths through the questionnaire (distinct sequences of answers that settle it). */
  paths: number;
  /** Mean and maximum number of questions over those paths. */
  meanQuestions: number;
  maxQuestions: number;
  /** Distinct questionnaire states (diagram nodes): what a no-JavaScript site pre-renders at most per answer set. */
  states: number;
}

/** Counts the questionnaire's paths and their lengths on a date: `questionnaireStats(tables, '2026-11-29')`. */
export function questionnaireStats(tables: Tables, date: string): QuestionnaireStats {
  const root = tables.epochs[epochFor(tables, date)]!.decision;
  const memo = new Map<number, { paths: number; totalLength: number; max: number }>();
  const visit = (h: number): { paths: number; totalLength: number; max: number } => {
    if (h < 0) return { paths: 1, totalLength: 0, max: 0 };
    const hit = memo.get(h);
    if (hit) return hit;
    let paths = 0;
    let totalLength = 0;
    let max = 0;
    for (const child of tables.nodes[h]!.slice(1)) {
      const sub = visit(child);
      paths += sub.paths;
      totalLength += sub.totalLength + sub.paths; // every path below gets one more question
      max = Math.max(max, sub.max + 1);
    }
    const result = { paths, totalLength, max };
    memo.set(h, result);
    return result;
  };
  const top = visit(root);
  return { paths: top.paths, meanQuestions: top.totalLength / top.paths, maxQuestions: top.max, states: memo.size };
}
