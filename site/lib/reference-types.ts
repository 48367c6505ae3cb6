/** The shape of the rule reference the build derives from the rule pack (site/build/pack-data.ts). */
import type { TableCitation, TableRule, TableStatute, TextPair } from '../../compiler/runtime/tables.ts';

/** An example of the pack that exercises a rule: its facts and the outcome it gets. */
export interface ReferenceExample {
  name: string;
  file: string;
  line: number;
  facts: Record<string, string | boolean>;
  outcome: string | null;
  on?: string;
}

/** A rule as the tables hold it, plus where it is written and how it relates to the others. */
export interface ReferenceRule extends TableRule {
  file: string;
  line: number;
  /** Ids of the rules this one is an exception to. */
  exceptionTo: string[];
  /** Ids of the rules that are exceptions to this one. */
  exceptions: string[];
  /** Codes of the obligations the rule can impose. */
  obligations: string[];
  examples: ReferenceExample[];
  /** For a reason: the id of the rule it explains. */
  reasonOf?: string;
  /** Ids of the rule's reasons, in the law's order. */
  reasons: string[];
  /** The statute texts the rule's citations quote (declared with `statute` in the pack), shown beside it. */
  quoted: TableStatute[];
}

export interface ReferenceObligation {
  code: string;
  file: string;
  line: number;
  text: TextPair;
  citations: TableCitation[];
  from?: string;
  until?: string;
  /** Ids of the rules that can impose it. */
  rules: string[];
}

export interface PackReference {
  version: string;
  /** Pack files in import order. */
  files: string[];
  rules: ReferenceRule[];
  obligations: ReferenceObligation[];
}
