/**
 * The canonical layout of a `.lov` file, printed from the AST: declaration keyword at column 0,
 * clauses indented two spaces in a fixed order, one clause per line, one blank line between
 * declarations. Each printed line group ("item") remembers the source offsets it came from, so the
 * formatter can put comments back next to it.
 */
import type {
  Citation, Declaration, Expectation, Expr, LovFile, Name, ObligationUse, Period, ReasonDecl, Str, Text,
} from '../ast/types.ts';

/** Lines go up to this many columns before texts, lists and conditions are broken. */
export const WIDTH = 100;
const INDENT = '  ';
const CONTINUATION = INDENT + '    ';

/** A group of output lines (a declaration head or one clause) and the source offsets it prints. */
export interface Item {
  anchors: number[];
  lines: string[];
}

/** Writes a string literal with `\\` and `\"` escaped. */
export function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function precedence(e: Expr): number {
  return e.kind === 'or' ? 1 : e.kind === 'and' ? 2 : e.kind === 'not' ? 3 : 4;
}

/** Prints a condition on one line, with parentheses only where precedence needs them. */
export function printExpr(e: Expr, parent = 0): string {
  let s: string;
  switch (e.kind) {
    case 'ref':
      s = e.name.text;
      break;
    case 'compare':
      s = `${e.fact.text} ${e.op} ${e.value.text}`;
      break;
    case 'in':
      s = `${e.fact.text}${e.negated ? ' not' : ''} in {${e.values.map((v) => v.text).join(', ')}}`;
      break;
    case 'not':
      s = `not ${printExpr(e.operand, 3)}`;
      break;
    case 'and':
    case 'or':
      s = e.operands.map((o) => printExpr(o, precedence(e) + 1)).join(` ${e.kind} `);
      break;
  }
  return precedence(e) < parent ? `(${s})` : s;
}

/** `prefix EXPR`, broken before each top-level `and`/`or` when the line would be too long. */
function exprLines(prefix: string, e: Expr): string[] {
  const flat = prefix + printExpr(e);
  if (flat.length <= WIDTH || (e.kind !== 'and' && e.kind !== 'or')) return [flat];
  const parts = e.operands.map((o) => printExpr(o, precedence(e) + 1));
  return [prefix + parts[0], ...parts.slice(1).map((p) => `${CONTINUATION}${e.kind} ${p}`)];
}

/** `prefix nb "…" en "…"` on one line when it fits, else `en` on its own line under `nb`. */
function textLines(prefix: string, t: Text): string[] {
  const nb = t.nb ? `nb ${quote(t.nb.value)}` : undefined;
  const en = t.en ? `en ${quote(t.en.value)}` : undefined;
  if (!nb || !en) return [prefix + (nb ?? en ?? '')];
  const flat = `${prefix}${nb} ${en}`;
  return flat.length <= WIDTH ? [flat] : [prefix + nb, ' '.repeat(prefix.length) + en];
}


/** `prefix a, b, c`, wrapped after a comma with the next part under the first when too long. */
function wrapList(prefix: string, parts: string[]): string[] {
  const lines: string[] = [];
  let line = prefix + (parts[0] ?? '');
  for (const part of parts.slice(1)) {
    if (`${line}, ${part},`.length <= WIDTH) line += `, ${part}`;
    else {
      lines.push(`${line},`);
      line = ' '.repeat(prefix.length) + part;
    }
  }
  return [...lines, line];
}

/** `prevails over A, B` filled up to WIDTH columns, then `except C, D` on the same line if it fits. */
function prevailsLines(over: Name[], except: Name[]): string[] {
  const prefix = `${INDENT}prevails over `;
  const lines = wrapList(prefix, over.map((n) => n.text));
  if (except.length === 0) return lines;
  const tail = `except ${except.map((n) => n.text).join(', ')}`;
  const last = lines[lines.length - 1]!;
  if (`${last} ${tail}`.length <= WIDTH) lines[lines.length - 1] = `${last} ${tail}`;
  else lines.push(' '.repeat(prefix.length) + tail);
  return lines;
}

/** Repeats the clause keyword: `given a = b, c = d` lines filled up to WIDTH columns. */
function packClauses(keyword: string, parts: { text: string; anchor: number[] }[]): Item[] {
  const items: Item[] = [];
  let current: Item | undefined;
  for (const part of parts) {
    const joined = current && `${current.lines[0]}, ${part.text}`;
    if (current && joined && joined.length <= WIDTH) {
      current.lines[0] = joined;
      for (const item of part.anchor) current.anchors.push(item);
    } else {
      current = { anchors: [...part.anchor], lines: [`${INDENT}${keyword} ${part.text}`] };
      items.push(current);
    }
  }
  return items;
}
const at = (...nodes: ({ range: { start: { offset: number } } } | undefined)[]): number[] =>
  nodes.flatMap((n) => (n ? [n.range.start.offset] : []));

function useItem(keyword: string, use: ObligationUse): Item {
  const lines = wrapList(`${INDENT}${keyword} `, use.items.map((n) => n.text));
  if (use.when) for (const item of exprLines(`${lines.pop()} when `, use.when)) lines.push(item);
  return { anchors: at(use), lines };
}

function citationText(c: Citation): string {
  return `${c.source.text} ${quote(c.pinpoint.value)}${c.unverified ? ' unverified' : ''}`;
}

/** Citations packed onto as few `cites` (or `quotes`) lines as fit, keeping their order. */
function citeItems(citations: Citation[]): Item[] {
  const runs: Citation[][] = [];
  for (const c of citations) {
    const last = runs[runs.length - 1];
    if (last && !!last[0]!.quoted === !!c.quoted) last.push(c);
    else runs.push([c]);
  }
  return runs.flatMap((run) =>
    packClauses(run[0]!.quoted ? 'quotes' : 'cites', run.map((c) => ({ text: citationText(c), anchor: at(c) }))),
  );
}

/** A `reason` block inside a rule: its head indented once, its clauses twice. */
function reasonItems(r: ReasonDecl): Item[] {
  const deeper = (items: Item[]): Item[] => items.map((i) => ({ ...i, lines: i.lines.map((l) => INDENT + l) }));
  return [
    { anchors: at(r), lines: [`${INDENT}reason ${r.name.text}${titled(r.title)}${r.titleEn ? ` en ${quote(r.titleEn.value)}` : ''}`] },
    ...deeper([
      ...(r.when ? [{ anchors: at(r.when), lines: exprLines(`${INDENT}when `, r.when) }] : []),
      ...textItem('because', r.because),
      ...citeItems(r.citations),
    ]),
  ];
}

function periodItem(p: Period | undefined): Item[] {
  if (!p) return [];
  const from = p.from ? ` from ${p.from.value}` : '';
  const until = p.until ? ` until ${p.until.value}` : '';
  return [{ anchors: at(p), lines: [`${INDENT}in force${from}${until}`] }];
}

function textItem(keyword: string, t: Text | undefined): Item[] {
  return t ? [{ anchors: at(t), lines: textLines(`${INDENT}${keyword} `, t) }] : [];
}

function nameItem(keyword: string, n: Name | Str | undefined): Item[] {
  if (!n) return [];
  return [{ anchors: at(n), lines: [`${INDENT}${keyword} ${'text' in n ? n.text : n.value}`] }];
}

function strItem(keyword: string, s: Str | undefined): Item[] {
  return s ? [{ anchors: at(s), lines: [`${INDENT}${keyword} ${quote(s.value)}`] }] : [];
}

function expectItem(e: Expectation): Item {
  switch (e.kind) {
    case 'outcome':
      return { anchors: at(e), lines: [`${INDENT}expect ${e.outcome.text}`] };
    case 'obligations':
      return { anchors: at(e), lines: e.codes.length ? wrapList(`${INDENT}expect obligations `, e.codes.map((n) => n.text)) : [`${INDENT}expect obligations none`] };
    case 'rules':
      return { anchors: at(e), lines: wrapList(`${INDENT}expect rule `, e.rules.map((n) => n.text)) };
    case 'missing':
      return { anchors: at(e), lines: wrapList(`${INDENT}expect missing `, e.facts.map((n) => n.text)) };
  }
}

function head(d: Declaration, line: string): Item {
  return { anchors: at(d), lines: [line] };
}

const titled = (s: Str | undefined): string => (s ? ` ${quote(s.value)}` : '');

/** The items of one declaration: its head, then its clauses in canonical order. */
export function declarationItems(d: Declaration): Item[] {
  switch (d.kind) {
    case 'import':
      return [head(d, `import ${quote(d.path.value)}`)];
    case 'source':
      return [
        head(d, `source ${d.name.text}${titled(d.title)}`),
        ...strItem('url', d.url),
        ...strItem('section url', d.sectionUrl),
        ...nameItem('status', d.status),
        ...strItem('cited as', d.citedAs),
      ];
    case 'statute':
      return [
        head(d, `statute ${d.source.text} ${quote(d.pinpoint.value)}${d.status ? ` ${d.status.text}` : ''}`),
        ...strItem('text', d.text),
      ];
    case 'fact':
      return [
        head(d, `fact ${d.name.text} is ${d.type === 'boolean' ? 'true or false' : 'one of'}`),
        ...d.values.map((v) => ({
          anchors: at(v),
          lines: v.label ? textLines(`${INDENT}value ${v.name.text} label `, v.label) : [`${INDENT}value ${v.name.text}`],
        })),
        ...textItem('question', d.question),
        ...textItem('help', d.help),
        ...nameItem('typical', d.typical),
        ...(d.actions ?? []).map((a) => ({ anchors: at(a), lines: textLines(`${INDENT}action ${a.value.text} `, a.text) })),
      ];
    case 'screen':
      return [
        head(d, `screen ${d.name.text}`),
        ...textItem('question', d.question),
        ...textItem('help', d.help),
        ...d.members.map((m) => {
          const prefix = `${INDENT}confirms ${m.fact.text} = ${m.value.text} `;
          return { anchors: at(m), lines: m.text ? textLines(prefix, m.text) : [prefix.trimEnd()] };
        }),
      ];
    case 'condition':
      return [
        head(d, `condition ${d.name.text}`),
        ...textItem('label', d.label),
        ...(d.means ? [{ anchors: at(d.means), lines: exprLines(`${INDENT}means `, d.means) }] : []),
      ];
    case 'obligation':
      return [head(d, `obligation ${d.name.text}`), ...textItem('text', d.text), ...citeItems(d.citations), ...periodItem(d.inForce)];
    case 'obligationSet':
      return [head(d, `obligation set ${d.name.text}`), ...d.includes.map((u) => useItem('includes', u))];
    case 'rule':
      return [
        head(d, `rule ${d.name.text}${titled(d.title)}${d.titleEn ? ` en ${quote(d.titleEn.value)}` : ''}`),
        ...(d.exceptionTo.length ? [{ anchors: at(...d.exceptionTo), lines: wrapList(`${INDENT}exception to `, d.exceptionTo.map((n) => n.text)) }] : []),
        ...(d.prevailsOver?.length ? [{ anchors: at(...d.prevailsOver, ...(d.prevailsExcept ?? [])), lines: prevailsLines(d.prevailsOver, d.prevailsExcept ?? []) }] : []),
        ...(d.when ? [{ anchors: at(d.when), lines: exprLines(`${INDENT}when `, d.when) }] : []),
        ...nameItem('then', d.outcome),
        ...d.must.map((u) => useItem('must', u)),
        ...textItem('because', d.because),
        ...textItem('judgement', d.judgement),
        ...citeItems(d.citations),
        ...periodItem(d.inForce),
        ...(d.reasons ?? []).flatMap(reasonItems),
      ];
    case 'example': {
      const given = packClauses('given', d.given.map((g) => ({ text: `${g.fact.text} = ${g.value.text}`, anchor: at(g) })));
      const typical: Item[] = d.typical ? [{ anchors: at(d.typical), lines: [`${INDENT}given typical`] }] : [];
      return [head(d, `example ${quote(d.name.value)}`), ...typical, ...given, ...nameItem('on', d.on), ...d.expect.map(expectItem)];
    }
  }
}

/** Prints a whole file in the canonical layout, without comments. */
export function printFile(file: LovFile): string {
  const blocks = file.declarations.map((d) => declarationItems(d).flatMap((i) => i.lines).join('\n'));
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}
