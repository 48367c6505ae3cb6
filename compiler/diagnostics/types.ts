/**
 * Diagnostics are data, never exceptions: every phase returns them in a list, and the CLI, the
 * tests and the site render them. Codes are stable and come from one catalogue (catalogue.ts).
 */
import type { Range } from '../ast/types.ts';

export type Severity = 'error' | 'warning' | 'info';

/** A message in both languages. */
export interface Message {
  nb: string;
  en: string;
}

/** Another place that helps to explain a diagnostic (e.g. the first declaration of a duplicate). */
export interface Related {
  range: Range;
  message: Message;
}

export interface Diagnostic {
  code: string; // e.g. "LOV2001"
  severity: Severity;
  message: Message;
  range: Range;
  related: Related[];
  hint?: Message; // e.g. "Mente du «channel»? / Did you mean «channel»?"
}
