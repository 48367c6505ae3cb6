/**
 * CST → AST: a visitor over the (possibly partial) concrete syntax tree of one declaration. It never
 * throws: whatever error recovery left out is skipped, and a declaration without its name is dropped
 * (the parser has already reported why). Strings are unescaped; `and`/`or` chains are flattened.
 */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type {
  ActionDecl, Citation, Declaration, Expectation, Expr, Given, Name, ObligationUse, Period, Range, ReasonDecl, ScreenMember, Str, Text, ValueDecl,
} from './types.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { diagnostic } from '../diagnostics/catalogue.ts';
import { tokenRange } from '../lexer/index.ts';
import { UnterminatedString } from '../lexer/tokens.ts';

type Part = IToken | CstNode | undefined;

function isNode(el: CstElement): el is CstNode {
  return 'children' in el;
}

function children(node: CstNode | undefined, key: string): CstElement[] {
  return node?.children[key] ?? [];
}

/** Whether a CST element is a token the source really has (not inserted by error recovery). */
function isRealToken(el: CstElement): el is IToken {
  return !isNode(el) && !el.isInsertedInRecovery && !Number.isNaN(el.startOffset);
}

/** The real (not recovery-inserted) tokens consumed directly by `node` under `key`. */
function toks(node: CstNode | undefined, key: string): IToken[] {
  return children(node, key).filter(isRealToken);
}

/** The `index`-th of toks(node, key), without making the list. */
function tok(node: CstNode | undefined, key: string, index = 0): IToken | undefined {
  let seen = 0;
  for (const el of children(node, key)) if (isRealToken(el) && seen++ === index) return el;
  return undefined;
}

function subs(node: CstNode | undefined, key: string): CstNode[] {
  return children(node, key).filter(isNode);
}

/** The first of subs(node, key), without making the list. */
function sub(node: CstNode | undefined, key: string): CstNode | undefined {
  for (const el of children(node, key)) if (isNode(el)) return el;
  return undefined;
}

function opt<V>(value: V | undefined): V[] {
  return value === undefined ? [] : [value];
}

/** The first and the last real token (by offset) of a part, into `ends`; no list of the tokens is made. */
function extremes(part: Part, ends: { first?: IToken; last?: IToken }): void {
  if (!part) return;
  if (!('children' in part)) {
    if (part.isInsertedInRecovery || Number.isNaN(part.startOffset)) return;
    if (!ends.first || part.startOffset < ends.first.startOffset) ends.first = part;
    if (!ends.last || part.startOffset > ends.last.startOffset) ends.last = part;
    return;
  }
  for (const key in part.children) for (const el of part.children[key]!) extremes(el, ends);
}

/** Undoes `\"` and `\\` in a string token and drops its quotes. */
export function unescapeString(token: IToken): string {
  const closed = token.tokenType !== UnterminatedString && token.image.length >= 2;
  const inner = token.image.slice(1, closed ? -1 : undefined);
  return inner.replace(/\\(["\\])/g, '$1');
}

/** Builds AST nodes for one file; collects LOV1009 for clauses written twice. */
export class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly file: string) {}

  /** The range from the first to the last real token of the given parts. */
  span(...parts: Part[]): Range | undefined {
    const ends: { first?: IToken; last?: IToken } = {};
    for (const p of parts) extremes(p, ends);
    const { first, last } = ends;
    if (!first || !last) return undefined;
    const a = tokenRange(first, this.file);
    const b = tokenRange(last, this.file);
    return a && b ? { file: this.file, start: a.start, end: b.end } : undefined;
  }

  name(token: IToken | undefined): Name | undefined {
    const range = token && tokenRange(token, this.file);
    return token && range ? { text: token.image, range } : undefined;
  }

  str(token: IToken | undefined): Str | undefined {
    const range = token && tokenRange(token, this.file);
    return token && range ? { value: unescapeString(token), range } : undefined;
  }

  /** A date token as a Str (dates are written without quotes). */
  date(token: IToken | undefined): Str | undefined {
    const range = token && tokenRange(token, this.file);
    return token && range ? { value: token.image, range } : undefined;
  }

  /** Keeps the first value of a single clause; reports a second one (LOV1009) at its keyword. */
  once<V>(current: V | undefined, next: V | undefined, keyword: IToken | undefined): V | undefined {
    if (current === undefined) return next;
    const range = keyword && tokenRange(keyword, this.file);
    if (next !== undefined && range) this.diagnostics.push(diagnostic('LOV1009', range, [keyword.image]));
    return current;
  }

  text(node: CstNode | undefined): Text | undefined {
    const range = this.span(node);
    if (!node || !range) return undefined;
    const strings = toks(node, 'StringLiteral');
    const nbKw = tok(node, 'Nb');
    const enKw = tok(node, 'En');
    const after = (kw: IToken | undefined) => kw && strings.find((s) => s.startOffset > kw.startOffset);
    const nb = nbKw && this.str(strings.find((s) => s.startOffset > nbKw.startOffset && (!enKw || s.startOffset < enKw.startOffset)));
    const en = this.str(after(enKw));
    return { ...(nb ? { nb } : {}), ...(en ? { en } : {}), range };
  }

  names(node: CstNode | undefined): Name[] {
    return toks(node, 'Identifier').flatMap((t) => this.name(t) ?? []);
  }

  valueName(node: CstNode | undefined): Name | undefined {
    return this.name(tok(node, 'AnyName'));
  }

  citations(node: CstNode | undefined, quoted = false): Citation[] {
    return subs(node, 'citation').flatMap((c) => {
      const source = this.name(tok(c, 'Identifier'));
      const pinpoint = this.str(tok(c, 'StringLiteral'));
      const range = this.span(c);
      return source && pinpoint && range ? [{ source, pinpoint, unverified: tok(c, 'Unverified') !== undefined, ...(quoted ? { quoted } : {}), range }] : [];
    });
  }

  /** The citations of a `cites` or a `quotes` clause (or none). */
  clauseCitations(clause: CstNode): Citation[] {
    return [...this.citations(sub(clause, 'citesClause')), ...this.citations(sub(clause, 'quotesClause'), true)];
  }

  period(node: CstNode | undefined): Period | undefined {
    const range = this.span(node);
    if (!node || !range) return undefined;
    const dates = toks(node, 'DateLiteral');
    const fromKw = tok(node, 'From');
    const untilKw = tok(node, 'Until');
    const after = (kw: IToken | undefined) => kw && this.date(dates.find((d) => d.startOffset > kw.startOffset && (kw === untilKw || !untilKw || d.startOffset < untilKw.startOffset)));
    const from = after(fromKw);
    const until = after(untilKw);
    return { ...(from ? { from } : {}), ...(until ? { until } : {}), range };
  }

  obligationUse(keyword: IToken | undefined, node: CstNode | undefined): ObligationUse | undefined {
    const items = this.names(sub(node, 'nameList'));
    const range = this.span(keyword, node);
    if (!range || items.length === 0) return undefined;
    const when = this.expression(sub(node, 'expression'));
    return { items, ...(when ? { when } : {}), range };
  }

  valueDecl(node: CstNode): ValueDecl | undefined {
    const name = this.valueName(sub(node, 'valueName'));
    const range = this.span(node);
    if (!name || !range) return undefined;
    const label = this.text(sub(node, 'text'));
    return { name, ...(label ? { label } : {}), range };
  }

  given(node: CstNode): Given | undefined {
    const fact = this.name(tok(node, 'Identifier'));
    const value = this.valueName(sub(node, 'valueName'));
    const range = this.span(node);
    return fact && value && range ? { fact, value, range } : undefined;
  }

  expectation(clause: CstNode): Expectation | undefined {
    const node = sub(clause, 'expectation');
    const range = this.span(clause);
    if (!node || !range) return undefined;
    const outcome = this.name(tok(sub(node, 'outcome'), 'Identifier')) ?? this.name(tok(node, 'Undecided'));
    if (outcome) return { kind: 'outcome', outcome, range };
    if (tok(node, 'Obligations')) return { kind: 'obligations', codes: this.names(sub(node, 'nameList')), range };
    if (tok(node, 'Rule')) return { kind: 'rules', rules: this.names(sub(node, 'nameList')), range };
    if (tok(node, 'Missing')) return { kind: 'missing', facts: this.names(sub(node, 'nameList')), range };
    return undefined;
  }

  // ── conditions ────────────────────────────────────────────────────────────────────────────
  expression(node: CstNode | undefined): Expr | undefined {
    return this.chain('or', node, 'andExpr', (n) => this.andExpr(n));
  }

  private andExpr(node: CstNode): Expr | undefined {
    return this.chain('and', node, 'notExpr', (n) => this.notExpr(n));
  }

  private chain(kind: 'and' | 'or', node: CstNode | undefined, key: string, build: (n: CstNode) => Expr | undefined): Expr | undefined {
    const operands = subs(node, key)
      .flatMap((n) => build(n) ?? [])
      .flatMap((e) => (e.kind === kind ? e.operands : [e]));
    if (operands.length <= 1) return operands[0];
    const range = this.span(node);
    return range ? { kind, operands, range } : undefined;
  }

  private notExpr(node: CstNode): Expr | undefined {
    const inner = sub(node, 'notExpr');
    if (tok(node, 'Not') || inner) {
      const operand = inner && this.notExpr(inner);
      const range = this.span(node);
      return operand && range ? { kind: 'not', operand, range } : undefined;
    }
    return this.atom(sub(node, 'atom'));
  }

  private atom(node: CstNode | undefined): Expr | undefined {
    const range = this.span(node);
    if (!node || !range) return undefined;
    const nested = sub(node, 'expression');
    if (nested) return this.expression(nested);
    const fact = this.name(tok(node, 'Identifier'));
    if (!fact) return undefined;
    const list = sub(node, 'valueList');
    if (tok(node, 'In') || list) {
      const values = subs(list, 'valueName').flatMap((v) => this.valueName(v) ?? []);
      return { kind: 'in', fact, negated: tok(node, 'Not') !== undefined, values, range };
    }
    const op = tok(node, 'Equals') ? '=' : tok(node, 'NotEquals') ? '!=' : undefined;
    if (!op) return children(node, 'Equals').length || children(node, 'NotEquals').length ? undefined : { kind: 'ref', name: fact, range };
    const value = this.valueName(sub(node, 'valueName'));
    return value ? { kind: 'compare', fact, op, value, range } : undefined;
  }

  // ── declarations ──────────────────────────────────────────────────────────────────────────
  /** Builds the declaration of one entry rule's CST, or `undefined` when its name is missing. */
  declaration(node: CstNode): Declaration | undefined {
    const range = this.span(node);
    if (!range) return undefined;
    switch (node.name) {
      case 'importDecl': {
        const path = this.str(tok(node, 'StringLiteral'));
        return path && { kind: 'import', path, range };
      }
      case 'sourceDecl':
        return this.source(node, range);
      case 'statuteDecl':
        return this.statute(node, range);
      case 'factDecl':
        return this.fact(node, range);
      case 'screenDecl':
        return this.screen(node, range);
      case 'conditionDecl':
        return this.condition(node, range);
      case 'obligationDecl':
        return this.obligation(node, range);
      case 'obligationSetDecl': {
        const name = this.name(tok(node, 'Identifier'));
        const includes = subs(node, 'includesClause').flatMap((c) => this.obligationUse(tok(c, 'Includes'), sub(c, 'obligationUse')) ?? []);
        return name && { kind: 'obligationSet', name, includes, range };
      }
      case 'ruleDecl':
        return this.rule(node, range);
      case 'exampleDecl':
        return this.example(node, range);
      default:
        return undefined;
    }
  }

  private source(node: CstNode, range: Range): Declaration | undefined {
    const name = this.name(tok(node, 'Identifier'));
    if (!name) return undefined;
    let url: Str | undefined;
    let sectionUrl: Str | undefined;
    let status: Name | undefined;
    let citedAs: Str | undefined;
    for (const c of subs(node, 'sourceClause')) {
      if (tok(c, 'Cited')) citedAs = this.once(citedAs, this.str(tok(c, 'StringLiteral')), tok(c, 'Cited'));
      else if (tok(c, 'Section')) sectionUrl = this.once(sectionUrl, this.str(tok(c, 'StringLiteral')), tok(c, 'Section'));
      else if (tok(c, 'Url')) url = this.once(url, this.str(tok(c, 'StringLiteral')), tok(c, 'Url'));
      else if (tok(c, 'Status')) status = this.once(status, this.valueName(sub(c, 'statusName')), tok(c, 'Status'));
    }
    const title = this.str(tok(node, 'StringLiteral'));
    return {
      kind: 'source', name, ...(title ? { title } : {}), ...(url ? { url } : {}),
      ...(sectionUrl ? { sectionUrl } : {}), ...(status ? { status } : {}), ...(citedAs ? { citedAs } : {}), range,
    };
  }

  private statute(node: CstNode, range: Range): Declaration | undefined {
    const source = this.name(tok(node, 'Identifier'));
    const [pinpointTok, ...texts] = toks(node, 'StringLiteral');
    const pinpoint = this.str(pinpointTok);
    if (!source || !pinpoint) return undefined;
    const status = this.valueName(sub(node, 'statusName'));
    let text: Str | undefined;
    texts.forEach((t, i) => (text = this.once(text, this.str(t), tok(node, 'Text', i))));
    return { kind: 'statute', source, pinpoint, ...(status ? { status } : {}), ...(text ? { text } : {}), range };
  }

  /** `reason ID "title" [en "title"]` and its clauses. */
  private reason(node: CstNode): ReasonDecl | undefined {
    const name = this.name(tok(node, 'Identifier'));
    const range = this.span(node);
    if (!name || !range) return undefined;
    let when: Expr | undefined;
    let because: Text | undefined;
    const citations: Citation[] = [];
    for (const c of subs(node, 'reasonClause')) {
      if (tok(c, 'When')) when = this.once(when, this.expression(sub(c, 'expression')), tok(c, 'When'));
      else if (tok(c, 'Because')) because = this.once(because, this.text(sub(c, 'text')), tok(c, 'Because'));
      for (const item of this.clauseCitations(c)) citations.push(item);
    }
    const [nbTitle, enTitle] = toks(node, 'StringLiteral');
    const title = this.str(nbTitle);
    const titleEn = this.str(enTitle);
    return { name, ...(title ? { title } : {}), ...(titleEn ? { titleEn } : {}), ...(when ? { when } : {}), ...(because ? { because } : {}), citations, range };
  }

  private fact(node: CstNode, range: Range): Declaration | undefined {
    const name = this.name(tok(node, 'Identifier'));
    if (!name) return undefined;
    const type = tok(sub(node, 'factType'), 'True') || tok(sub(node, 'factType'), 'False') ? 'boolean' : 'enum';
    const values: ValueDecl[] = [];
    let question: Text | undefined;
    let help: Text | undefined;
    let typical: Name | undefined;
    const actions: ActionDecl[] = [];
    for (const c of subs(node, 'factClause')) {
      const value = sub(c, 'valueClause');
      if (value) for (const item of opt(this.valueDecl(value))) values.push(item);
      else if (tok(c, 'Question')) question = this.once(question, this.text(sub(c, 'text')), tok(c, 'Question'));
      else if (tok(c, 'Help')) help = this.once(help, this.text(sub(c, 'text')), tok(c, 'Help'));
      else if (tok(c, 'Typical')) typical = this.once(typical, this.valueName(sub(c, 'valueName')), tok(c, 'Typical'));
      else if (tok(c, 'Action')) for (const item of opt(this.action(c))) actions.push(item);
    }
    return {
      kind: 'fact', name, type, values, ...(question ? { question } : {}), ...(help ? { help } : {}),
      ...(typical ? { typical } : {}), ...(actions.length > 0 ? { actions } : {}), range,
    };
  }

  /** `screen NAME` and its `question`, `help` and `confirms` clauses. */
  private screen(node: CstNode, range: Range): Declaration | undefined {
    const name = this.name(tok(node, 'Identifier'));
    if (!name) return undefined;
    let question: Text | undefined;
    let help: Text | undefined;
    const members: ScreenMember[] = [];
    for (const c of subs(node, 'screenClause')) {
      if (tok(c, 'Question')) question = this.once(question, this.text(sub(c, 'text')), tok(c, 'Question'));
      else if (tok(c, 'Help')) help = this.once(help, this.text(sub(c, 'text')), tok(c, 'Help'));
      else if (tok(c, 'Confirms')) {
        const given = this.given(sub(c, 'given') as CstNode);
        const text = this.text(sub(c, 'text'));
        const at = this.span(c);
        if (given && at) members.push({ fact: given.fact, value: given.value, ...(text ? { text } : {}), range: at });
      }
    }
    return { kind: 'screen', name, ...(question ? { question } : {}), ...(help ? { help } : {}), members, range };
  }

  /** `action VALUE nb "…" en "…"` inside a fact. */
  private action(c: CstNode): ActionDecl | undefined {
    const value = this.valueName(sub(c, 'valueName'));
    const text = this.text(sub(c, 'text'));
    const range = this.span(c);
    if (!value || !text || !range) return undefined;
    return { value, text, range };
  }

  private condition(node: CstNode, range: Range): Declaration | undefined {
    const name = this.name(tok(node, 'Identifier'));
    if (!name) return undefined;
    let label: Text | undefined;
    let means: Expr | undefined;
    for (const c of subs(node, 'conditionClause')) {
      if (tok(c, 'Label')) label = this.once(label, this.text(sub(c, 'text')), tok(c, 'Label'));
      else if (tok(c, 'Means')) means = this.once(means, this.expression(sub(c, 'expression')), tok(c, 'Means'));
    }
    return { kind: 'condition', name, ...(label ? { label } : {}), ...(means ? { means } : {}), range };
  }

  private obligation(node: CstNode, range: Range): Declaration | undefined {
    const name = this.name(tok(node, 'Identifier'));
    if (!name) return undefined;
    let text: Text | undefined;
    let inForce: Period | undefined;
    const citations: Citation[] = [];
    for (const c of subs(node, 'obligationClause')) {
      if (tok(c, 'Text')) text = this.once(text, this.text(sub(c, 'text')), tok(c, 'Text'));
      const cites = sub(c, 'citesClause');
      if (cites) for (const item of this.citations(cites)) citations.push(item);
      const period = sub(c, 'inForceClause');
      if (period) inForce = this.once(inForce, this.period(period), tok(period, 'In'));
    }
    return { kind: 'obligation', name, ...(text ? { text } : {}), citations, ...(inForce ? { inForce } : {}), range };
  }

  private rule(node: CstNode, range: Range): Declaration | undefined {
    const name = this.name(tok(node, 'Identifier'));
    if (!name) return undefined;
    const exceptionTo: Name[] = [];
    const prevailsOver: Name[] = [];
    const prevailsExcept: Name[] = [];
    const must: ObligationUse[] = [];
    const citations: Citation[] = [];
    let when: Expr | undefined;
    let outcome: Name | undefined;
    let because: Text | undefined;
    let judgement: Text | undefined;
    let inForce: Period | undefined;
    for (const c of subs(node, 'ruleClause')) {
      if (tok(c, 'Exception')) for (const item of this.names(sub(c, 'nameList'))) exceptionTo.push(item);
      else if (tok(c, 'Prevails')) {
        const [over, except] = subs(c, 'nameList');
        for (const item of this.names(over)) prevailsOver.push(item);
        for (const item of this.names(except)) prevailsExcept.push(item);
      }
      else if (tok(c, 'When')) when = this.once(when, this.expression(sub(c, 'expression')), tok(c, 'When'));
      else if (tok(c, 'Then')) outcome = this.once(outcome, this.name(tok(sub(c, 'outcome'), 'Identifier')), tok(c, 'Then'));
      else if (tok(c, 'Must')) for (const item of opt(this.obligationUse(tok(c, 'Must'), sub(c, 'obligationUse')))) must.push(item);
      else if (tok(c, 'Because')) because = this.once(because, this.text(sub(c, 'text')), tok(c, 'Because'));
      else if (tok(c, 'Judgement')) judgement = this.once(judgement, this.text(sub(c, 'text')), tok(c, 'Judgement'));
      for (const item of this.clauseCitations(c)) citations.push(item);
      const period = sub(c, 'inForceClause');
      if (period) inForce = this.once(inForce, this.period(period), tok(period, 'In'));
    }
    const reasons = subs(node, 'reasonBlock').flatMap((b) => this.reason(b) ?? []);
    const [nbTitle, enTitle] = toks(node, 'StringLiteral');
    const title = this.str(nbTitle);
    const titleEn = this.str(enTitle);
    return {
      kind: 'rule', name, ...(title ? { title } : {}), ...(titleEn ? { titleEn } : {}), exceptionTo, ...(when ? { when } : {}),
      ...(outcome ? { outcome } : {}), must, ...(because ? { because } : {}), ...(judgement ? { judgement } : {}),
      citations, ...(inForce ? { inForce } : {}), ...(prevailsOver.length ? { prevailsOver } : {}),
      ...(prevailsExcept.length ? { prevailsExcept } : {}),
      ...(reasons.length ? { reasons } : {}), range,
    };
  }

  private example(node: CstNode, range: Range): Declaration | undefined {
    const name = this.str(tok(node, 'StringLiteral'));
    if (!name) return undefined;
    const given: Given[] = [];
    const expect: Expectation[] = [];
    let on: Str | undefined;
    let typical: Name | undefined;
    for (const c of subs(node, 'exampleClause')) {
      if (tok(c, 'Typical')) typical = this.once(typical, this.name(tok(c, 'Typical')), tok(c, 'Typical'));
      else if (tok(c, 'Given')) for (const item of subs(c, 'given').flatMap((g) => this.given(g) ?? [])) given.push(item);
      else if (tok(c, 'On')) on = this.once(on, this.date(tok(c, 'DateLiteral')), tok(c, 'On'));
      else if (tok(c, 'Expect')) for (const item of opt(this.expectation(c))) expect.push(item);
    }
    return { kind: 'example', name, given, ...(typical ? { typical } : {}), ...(on ? { on } : {}), expect, range };
  }
}
