/**
 * The `.lov` grammar as a Chevrotain CstParser: grammar only, no semantic actions. Each declaration
 * kind is its own entry rule (the parser is run once per declaration, see index.ts), so a broken
 * declaration never hides the ones after it; inside a declaration, error recovery resyncs at clause
 * keywords and keeps a partial tree.
 */
import { CstParser } from 'chevrotain';
import type { CstNode, IToken } from 'chevrotain';
import * as T from '../lexer/tokens.ts';
import { messageProvider } from './messages.ts';

export class LovParser extends CstParser {
  /**
   * `validate` runs Chevrotain's grammar checks (ambiguities, left recursion): the tests do
   * (test/parser.test.ts); the compiler's one parser skips them, about 25 ms of every start.
   */
  constructor(validate = false) {
    super([...T.ALL_TOKENS], { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: messageProvider, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  // ── declarations (entry rules) ────────────────────────────────────────────────────────────
  importDecl = this.RULE('importDecl', () => {
    this.CONSUME(T.Import);
    this.CONSUME(T.StringLiteral);
  });

  sourceDecl = this.RULE('sourceDecl', () => {
    this.CONSUME(T.Source);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.StringLiteral);
    this.MANY(() => this.SUBRULE(this.sourceClause));
  });

  factDecl = this.RULE('factDecl', () => {
    this.CONSUME(T.Fact);
    this.CONSUME(T.Identifier);
    this.SUBRULE(this.factType);
    this.MANY(() => this.SUBRULE(this.factClause));
  });

  /** `screen NAME` with `question`, `help` and `confirms FACT = VALUE text` clauses: facts asked together. */
  screenDecl = this.RULE('screenDecl', () => {
    this.CONSUME(T.Screen);
    this.CONSUME(T.Identifier);
    this.MANY(() => this.SUBRULE(this.screenClause));
  });

  conditionDecl = this.RULE('conditionDecl', () => {
    this.CONSUME(T.Condition);
    this.CONSUME(T.Identifier);
    this.MANY(() => this.SUBRULE(this.conditionClause));
  });

  obligationDecl = this.RULE('obligationDecl', () => {
    this.CONSUME(T.Obligation);
    this.CONSUME(T.Identifier);
    this.MANY(() => this.SUBRULE(this.obligationClause));
  });

  obligationSetDecl = this.RULE('obligationSetDecl', () => {
    this.CONSUME(T.Obligation);
    this.CONSUME(T.Set);
    this.CONSUME(T.Identifier);
    this.MANY(() => this.SUBRULE(this.includesClause));
  });

  ruleDecl = this.RULE('ruleDecl', () => {
    this.CONSUME(T.Rule);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.StringLiteral);
    this.OPTION(() => {
      this.CONSUME(T.En);
      this.CONSUME2(T.StringLiteral);
    });
    this.MANY(() => this.SUBRULE(this.ruleClause));
    this.MANY2(() => this.SUBRULE(this.reasonBlock));
  });

  /** `statute SOURCE "pinpoint" STATUS` and its `text "…"`: the law's own words, placed above the rule. */
  statuteDecl = this.RULE('statuteDecl', () => {
    this.CONSUME(T.Statute);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.StringLiteral);
    this.OPTION(() => this.SUBRULE(this.statusName));
    this.MANY(() => { this.CONSUME(T.Text); this.CONSUME2(T.StringLiteral); });
  });

  exampleDecl = this.RULE('exampleDecl', () => {
    this.CONSUME(T.Example);
    this.CONSUME(T.StringLiteral);
    this.MANY(() => this.SUBRULE(this.exampleClause));
  });

  // ── clauses ───────────────────────────────────────────────────────────────────────────────
  sourceClause = this.RULE('sourceClause', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.Url); this.CONSUME(T.StringLiteral); } },
      { ALT: () => { this.CONSUME(T.Section); this.CONSUME2(T.Url); this.CONSUME2(T.StringLiteral); } },
      { ALT: () => { this.CONSUME(T.Status); this.SUBRULE(this.statusName); } },
      { ALT: () => { this.CONSUME(T.Cited); this.CONSUME(T.As); this.CONSUME3(T.StringLiteral); } },
    ]);
  });

  factType = this.RULE('factType', () => {
    this.CONSUME(T.Is);
    this.OR([
      { ALT: () => { this.CONSUME(T.One); this.CONSUME(T.Of); } },
      { ALT: () => { this.CONSUME(T.True); this.CONSUME(T.Or); this.CONSUME(T.False); } },
    ]);
  });

  factClause = this.RULE('factClause', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.valueClause) },
      { ALT: () => { this.CONSUME(T.Question); this.SUBRULE(this.text); } },
      { ALT: () => { this.CONSUME(T.Help); this.SUBRULE2(this.text); } },
      { ALT: () => { this.CONSUME(T.Typical); this.SUBRULE(this.valueName); } },
      { ALT: () => { this.CONSUME(T.Action); this.SUBRULE2(this.valueName); this.SUBRULE3(this.text); } },
    ]);
  });

  screenClause = this.RULE('screenClause', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.Question); this.SUBRULE(this.text); } },
      { ALT: () => { this.CONSUME(T.Help); this.SUBRULE2(this.text); } },
      { ALT: () => { this.CONSUME(T.Confirms); this.SUBRULE(this.given); this.OPTION(() => this.SUBRULE3(this.text)); } },
    ]);
  });

  valueClause = this.RULE('valueClause', () => {
    this.CONSUME(T.Value);
    this.SUBRULE(this.valueName);
    this.OPTION(() => {
      this.CONSUME(T.Label);
      this.SUBRULE(this.text);
    });
  });

  conditionClause = this.RULE('conditionClause', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.Label); this.SUBRULE(this.text); } },
      { ALT: () => { this.CONSUME(T.Means); this.SUBRULE(this.expression); } },
    ]);
  });

  obligationClause = this.RULE('obligationClause', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.Text); this.SUBRULE(this.text); } },
      { ALT: () => this.SUBRULE(this.citesClause) },
      { ALT: () => this.SUBRULE(this.inForceClause) },
    ]);
  });

  includesClause = this.RULE('includesClause', () => {
    this.CONSUME(T.Includes);
    this.SUBRULE(this.obligationUse);
  });

  ruleClause = this.RULE('ruleClause', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.Exception); this.CONSUME(T.To); this.SUBRULE(this.nameList); } },
      { ALT: () => { this.CONSUME(T.When); this.SUBRULE(this.expression); } },
      { ALT: () => { this.CONSUME(T.Then); this.SUBRULE(this.outcome); } },
      { ALT: () => { this.CONSUME(T.Must); this.SUBRULE(this.obligationUse); } },
      { ALT: () => { this.CONSUME(T.Because); this.SUBRULE(this.text); } },
      { ALT: () => { this.CONSUME(T.Judgement); this.SUBRULE2(this.text); } },
      { ALT: () => this.SUBRULE(this.citesClause) },
      { ALT: () => this.SUBRULE(this.quotesClause) },
      { ALT: () => this.SUBRULE(this.inForceClause) },
      {
        ALT: () => {
          this.CONSUME(T.Prevails);
          this.CONSUME(T.Over);
          this.SUBRULE2(this.nameList);
          this.OPTION(() => { this.CONSUME(T.Except); this.SUBRULE3(this.nameList); });
        },
      },
    ]);
  });

  /** `reason ID "title" [en "title"]` with its own clauses; reasons come after the rule's clauses. */
  reasonBlock = this.RULE('reasonBlock', () => {
    this.CONSUME(T.Reason);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.StringLiteral);
    this.OPTION(() => {
      this.CONSUME(T.En);
      this.CONSUME2(T.StringLiteral);
    });
    this.MANY(() => this.SUBRULE(this.reasonClause));
  });

  reasonClause = this.RULE('reasonClause', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.When); this.SUBRULE(this.expression); } },
      { ALT: () => { this.CONSUME(T.Because); this.SUBRULE(this.text); } },
      { ALT: () => this.SUBRULE(this.citesClause) },
      { ALT: () => this.SUBRULE(this.quotesClause) },
    ]);
  });

  exampleClause = this.RULE('exampleClause', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Given);
          this.OR2([
            { ALT: () => this.CONSUME(T.Typical) },
            { ALT: () => this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.given) }) },
          ]);
        },
      },
      { ALT: () => { this.CONSUME(T.On); this.CONSUME(T.DateLiteral); } },
      { ALT: () => { this.CONSUME(T.Expect); this.SUBRULE(this.expectation); } },
    ]);
  });

  // ── shared pieces ─────────────────────────────────────────────────────────────────────────
  text = this.RULE('text', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Nb);
          this.CONSUME(T.StringLiteral);
          this.OPTION(() => { this.CONSUME(T.En); this.CONSUME2(T.StringLiteral); });
        },
      },
      { ALT: () => { this.CONSUME2(T.En); this.CONSUME3(T.StringLiteral); } },
    ]);
  });

  citesClause = this.RULE('citesClause', () => {
    this.CONSUME(T.Cites);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.citation) });
  });

  /** `quotes SOURCE "pinpoint", …`: citations whose statute text must be declared (and is shown). */
  quotesClause = this.RULE('quotesClause', () => {
    this.CONSUME(T.Quotes);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.citation) });
  });

  citation = this.RULE('citation', () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.StringLiteral);
    this.OPTION(() => this.CONSUME(T.Unverified));
  });

  inForceClause = this.RULE('inForceClause', () => {
    this.CONSUME(T.In);
    this.CONSUME(T.Force);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.From);
          this.CONSUME(T.DateLiteral);
          this.OPTION(() => { this.CONSUME(T.Until); this.CONSUME2(T.DateLiteral); });
        },
      },
      { ALT: () => { this.CONSUME2(T.Until); this.CONSUME3(T.DateLiteral); } },
    ]);
  });

  /** `A, B when EXPR`: the `when` belongs to this line only when it is on the same line. */
  obligationUse = this.RULE('obligationUse', () => {
    this.SUBRULE(this.nameList);
    this.OPTION({
      GATE: () => sameLine(this.LA(0), this.LA(1)),
      DEF: () => { this.CONSUME(T.When); this.SUBRULE(this.expression); },
    });
  });

  nameList = this.RULE('nameList', () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.Identifier) });
  });

  given = this.RULE('given', () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.valueName);
  });

  expectation = this.RULE('expectation', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.outcome) },
      { ALT: () => this.CONSUME(T.Undecided) },
      {
        ALT: () => {
          this.CONSUME(T.Obligations);
          this.OR2([{ ALT: () => this.CONSUME(T.None) }, { ALT: () => this.SUBRULE(this.nameList) }]);
        },
      },
      { ALT: () => { this.CONSUME(T.Rule); this.SUBRULE2(this.nameList); } },
      { ALT: () => { this.CONSUME(T.Missing); this.SUBRULE3(this.nameList); } },
    ]);
  });

  outcome = this.RULE('outcome', () => {
    this.CONSUME(T.Identifier);
  });

  statusName = this.RULE('statusName', () => {
    this.CONSUME(T.AnyName);
  });

  valueName = this.RULE('valueName', () => {
    this.CONSUME(T.AnyName);
  });

  // ── conditions: not binds tightest, then and, then or ────────────────────────────────────
  expression = this.RULE('expression', () => {
    this.SUBRULE(this.andExpr);
    this.MANY(() => { this.CONSUME(T.Or); this.SUBRULE2(this.andExpr); });
  });

  andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.notExpr);
    this.MANY(() => { this.CONSUME(T.And); this.SUBRULE2(this.notExpr); });
  });

  notExpr = this.RULE('notExpr', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.Not); this.SUBRULE(this.notExpr); } },
      { ALT: () => this.SUBRULE(this.atom) },
    ]);
  });

  atom = this.RULE('atom', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.LParen); this.SUBRULE(this.expression); this.CONSUME(T.RParen); } },
      {
        ALT: () => {
          this.CONSUME(T.Identifier);
          // `x in {…}`, but not `x` followed by the clause `in force …` (the rule ends at the name).
          this.OPTION({
            GATE: () => !(this.LA(1).tokenType === T.In && this.LA(2).tokenType === T.Force),
            DEF: () => this.OR2([
              { ALT: () => { this.CONSUME(T.Equals); this.SUBRULE(this.valueName); } },
              { ALT: () => { this.CONSUME(T.NotEquals); this.SUBRULE2(this.valueName); } },
              { ALT: () => { this.OPTION2(() => this.CONSUME(T.Not)); this.CONSUME(T.In); this.SUBRULE(this.valueList); } },
            ]),
          });
        },
      },
    ]);
  });

  valueList = this.RULE('valueList', () => {
    this.CONSUME(T.LCurly);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.valueName) });
    this.CONSUME(T.RCurly);
  });
}

function sameLine(previous: IToken, next: IToken): boolean {
  return previous.endLine !== undefined && previous.endLine === next.startLine;
}

/** The names of the entry rules, one per declaration kind. */
export type EntryRule =
  | 'importDecl'
  | 'sourceDecl'
  | 'statuteDecl'
  | 'factDecl'
  | 'screenDecl'
  | 'conditionDecl'
  | 'obligationDecl'
  | 'obligationSetDecl'
  | 'ruleDecl'
  | 'exampleDecl';

/** The one shared parser instance (Chevrotain parsers are reusable: set `input`, call a rule). */
export const parser = new LovParser();

/** Parses one declaration's tokens with the given entry rule; returns the (possibly partial) CST. */
export function parseDeclaration(rule: EntryRule, tokens: IToken[]): CstNode {
  parser.input = tokens;
  return parser[rule]();
}
