/**
 * A checked program: the declarations of all files of a pack, resolved into symbol tables.
 * `check()` builds it; the IR lowering reads it (only when check reported no errors).
 */
import type {
  ConditionDecl,
  ExampleDecl,
  FactDecl,
  LovFile,
  ObligationDecl,
  ObligationSetDecl,
  ReasonDecl,
  RuleDecl,
  ScreenDecl,
  SourceDecl,
  StatuteDecl,
} from '../ast/types.ts';

export interface Program {
  /** The files, in load order (an imported file before the file that imports it). */
  files: LovFile[];
  sources: Map<string, SourceDecl>;
  /** Facts in declaration order across files: this is the questionnaire's question order. */
  facts: FactDecl[];
  factsByName: Map<string, FactDecl>;
  conditions: Map<string, ConditionDecl>;
  obligations: Map<string, ObligationDecl>;
  obligationSets: Map<string, ObligationSetDecl>;
  /** Rules in declaration order. */
  rules: RuleDecl[];
  rulesByName: Map<string, RuleDecl>;
  /** Reasons by name, with the rule they belong to (they share the rules' namespace). */
  reasonsByName: Map<string, { reason: ReasonDecl; rule: RuleDecl }>;
  /** Statute texts in declaration order. */
  statutes: StatuteDecl[];
  examples: ExampleDecl[];
  /** Screens (facts asked together) in declaration order: the questionnaire's, not the decision's. */
  screens: ScreenDecl[];
}
