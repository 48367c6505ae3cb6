/**
 * The intermediate representation: a checked program with every name resolved to an index,
 * named conditions inlined, obligation sets expanded and citations resolved to links.
 */
import type { TableCitation, TableFact, TableScreen, TableStatute, TextPair } from '../runtime/tables.ts';
import type { Range } from '../ast/types.ts';

/** A condition over fact indices. `mask` has bit v set when value index v satisfies the test. */
export type IRExpr =
  | { k: 'const'; v: boolean }
  | { k: 'in'; fact: number; mask: number }
  | { k: 'not'; e: IRExpr }
  | { k: 'and' | 'or'; es: IRExpr[] };

/** A fact as the tables hold it, plus where it is declared. */
export interface IRFact extends TableFact {
  range: Range;
}

/** An obligation a rule imposes, under a condition (`const true` when unconditional). */
export interface IRObligationUse {
  obligation: number;
  when: IRExpr;
}

export interface IRRule {
  id: string;
  title: TextPair;
  /** Indices of the rules this one is an exception to (empty for a general rule). */
  parents: number[];
  /** Indices of the rules that are exceptions to this one. */
  exceptions: number[];
  when: IRExpr;
  outcome: string;
  obligations: IRObligationUse[];
  reason: TextPair;
  judgement?: TextPair;
  citations: TableCitation[];
  from?: string;
  until?: string;
  range: Range;
  /** Indices of the rules this one prevails over, as written (priorities.ts takes the closure). */
  prevailsOver?: number[];
  /** Indices of the rules named after `except`: results from under them are never set aside by this rule. */
  prevailsExcept?: number[];
  /** Indices of this rule's reasons, in declaration order (each stands right after its rule). */
  reasons?: number[];
  /** For a reason: the index of its rule. A reason has no parents, exceptions or obligations of its own. */
  reasonOf?: number;
  /** Indices into `IRPack.statutes` of the statute texts this rule's citations quote, in citation order. */
  statutes?: number[];
}

/** A statute text declared in the pack (`statute SOURCE "pinpoint" STATUS`): the same shape the tables keep. */
export type IRStatute = TableStatute;

export interface IRObligation {
  code: string;
  text: TextPair;
  citations: TableCitation[];
  from?: string;
  until?: string;
  range: Range;
  statutes?: number[];
}

export interface IRCondition {
  name: string;
  label: TextPair;
  expr: IRExpr;
  range: Range;
}

export interface IRExample {
  name: string;
  given: { fact: number; value: number }[];
  /** `given typical`: facts not given take their declared typical value (when they have one). */
  typical?: boolean;
  on?: string;
  expect: (
    | { kind: 'outcome'; outcome: string | null }
    | { kind: 'obligations'; codes: string[] }
    | { kind: 'rules'; rules: string[] }
    | { kind: 'missing'; facts: string[] }
  )[];
  range: Range;
}

/** The whole lowered pack. */
export interface IRPack {
  facts: IRFact[];
  rules: IRRule[];
  obligations: IRObligation[];
  conditions: IRCondition[];
  examples: IRExample[];
  /** Statute texts (absent or empty when the pack declares none). */
  statutes?: IRStatute[];
  /** Screens: facts the questionnaire may ask together (absent or empty when the pack declares none). */
  screens?: TableScreen[];
  /** A content hash of the source texts. */
  version: string;
}
