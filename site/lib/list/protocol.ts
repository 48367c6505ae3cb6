/**
 * The messages between the list page (site/scripts/list.ts) and its worker (site/scripts/list-worker.ts).
 * Types only. The worker holds the list and the state and renders every step; the page only forwards
 * what the person does and puts the HTML in place, so it never loads the parser, the engine or the texts.
 */
import type { Tables } from '../../../compiler/runtime/tables.ts';
import type { Lang } from '../../../compiler/evaluate/types.ts';
import type { Category } from './rows.ts';
import type { RowProblem } from './csv.ts';

/** Page → worker. */
export type ToWorker =
  | { type: 'init'; tables: Tables; lang: Lang }
  | { type: 'load'; bytes: ArrayBuffer }
  /** Column `col` answers `fact` ('' = not used). */
  | { type: 'column'; col: number; fact: string }
  /** In column `col`, the value `raw` means value index `value` (-1 = unknown). */
  | { type: 'value'; col: number; raw: string; value: number }
  /** The answer to the campaign question shown, as the form sends it ('' = left open). */
  | { type: 'answer'; raw: string }
  /** Ask a campaign question again: `fact`, or the last one answered. */
  | { type: 'unanswer'; fact?: string }
  | { type: 'filter'; category: Category | ''; reason: string }
  | { type: 'page'; page: number }
  | { type: 'download'; what: 'csv' | 'receipt' };

/** The HTML of the parts of the page that changed; `null` hides a step. */
export interface View {
  status?: string;
  problem?: string;
  columns?: string | null;
  campaign?: string | null;
  answer?: string | null;
  rows?: string;
  /** A selector to move the focus to. */
  focus?: string;
}

/** Worker → page. */
export type FromWorker = { type: 'ready' } | ({ type: 'view' } & View) | { type: 'file'; blob: Blob; name: string };

/** One row of the table the page shows. */
export interface RowView {
  /** 1-based data row number (the header row not counted). */
  n: number;
  cells: string[];
  category: Category;
  /** Index into the results, or -1 for an unreadable row. */
  group: number;
  /** Why an unreadable row could not be read. */
  problem?: RowProblem;
}

/** How many rows the table shows at a time. */
export const PAGE_SIZE = 50;
