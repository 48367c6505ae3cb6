/** The messages between the playground page (site/scripts/playground.ts) and its compiler worker. */
import type { Lang } from '../routes.ts';

export type ToWorker =
  | { type: 'init'; lang: Lang }
  /** The edited files (only those that differ from the published text) and the file shown. */
  | { type: 'sources'; version: number; edits: Record<string, string>; file: string }
  /** The file shown changed: the per-file panels are rebuilt from the last check. */
  | { type: 'file'; file: string }
  /** «Prøv spørsmålene»: the answers so far, as `fact=value` pairs (a form's fields or a link's). */
  | { type: 'try'; query: string };

export type FromWorker =
  /** The published files, in the pack's order (main.lov first). */
  | { type: 'ready'; files: { path: string; text: string }[] }
  /** The file's diagnostics, the whole-pack findings and the examples; `count` goes to the live region. */
  | { type: 'check'; version: number; count: string; diagnostics: string; findings: string; examples: string }
  | { type: 'changes'; version: number; html: string }
  | { type: 'try'; html: string; focus: boolean }
  | { type: 'failed'; message: string };
