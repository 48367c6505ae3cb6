/**
 * `format(text, file)`: the canonical layout of a `.lov` file, keeping every comment. A comment on a
 * line of its own goes with the declaration or clause after it; a comment at the end of a line stays
 * at the end of that clause's line; comments after the last declaration stay at the end. Between
 * declarations, a blank line after a comment is kept. A text with syntax errors comes back
 * unchanged, with the diagnostics.
 */
import type { Comment } from '../ast/types.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { tokenize } from '../lexer/index.ts';
import { parse } from '../parser/index.ts';
import { declarationItems } from './printer.ts';
import type { Item } from './printer.ts';

export { printFile, printExpr, quote, WIDTH } from './printer.ts';

export interface FormatResult {
  text: string;
  diagnostics: Diagnostic[];
}

interface Placed extends Item {
  leading: string[]; // comment lines; '' for a blank line kept between top-level comments
  trailing?: string;
  indent: string;
}

/** Formats one file; returns it unchanged when it has syntax errors. */
export function format(text: string, file: string): FormatResult {
  const { file: ast, diagnostics } = parse(text, file);
  if (diagnostics.some((d) => d.severity === 'error')) return { text, diagnostics };
  const blocks: Placed[][] = ast.declarations.map((d) =>
    declarationItems(d).map((item, i) => ({ ...item, leading: [], indent: i === 0 ? '' : '  ' })),
  );
  const anchors = blocks
    .flat()
    .flatMap((item) => item.anchors.map((offset) => ({ offset, item })))
    .sort((a, b) => a.offset - b.offset);
  const tokenEndLines = tokenize(text, file).tokens.map((t) => ({ offset: t.startOffset, line: t.endLine ?? t.startLine ?? 0 }));
  const endComments: string[] = [];
  for (const comment of ast.comments) {
    const owner = trailingOwner(comment, tokenEndLines, anchors);
    if (owner && owner.trailing === undefined) {
      owner.trailing = comment.text;
      continue;
    }
    const next = anchors.find((a) => a.offset >= comment.range.end.offset);
    const blankAfter = /^[ \t]*(\r?\n|\r)[ \t]*(\r?\n|\r)/.test(text.slice(comment.range.end.offset));
    const lines = next && next.item.indent !== '' ? [comment.text] : blankAfter ? [comment.text, ''] : [comment.text];
    if (next) for (const item of lines) next.item.leading.push(item);
    else for (const item of lines) endComments.push(item);
  }
  const printed = blocks.map((items) => items.flatMap(renderItem).join('\n'));
  if (endComments.at(-1) === '') endComments.pop();
  if (endComments.length) printed.push(endComments.join('\n'));
  return { text: printed.length ? `${printed.join('\n\n')}\n` : '', diagnostics };
}

/** The item a comment trails, when code comes before it on its own line. */
function trailingOwner(
  comment: Comment,
  tokens: { offset: number; line: number }[],
  anchors: { offset: number; item: Placed }[],
): Placed | undefined {
  let previous: { offset: number; line: number } | undefined;
  for (const t of tokens) {
    if (t.offset >= comment.range.start.offset) break;
    previous = t;
  }
  if (!previous || previous.line !== comment.range.start.line) return undefined;
  let owner: Placed | undefined;
  for (const a of anchors) {
    if (a.offset > previous.offset) break;
    owner = a.item;
  }
  return owner;
}

function renderItem(item: Placed): string[] {
  const lines = [...item.leading.map((c) => (c ? item.indent + c : c)), ...item.lines];
  if (item.trailing !== undefined) lines[lines.length - 1] += `  ${item.trailing}`;
  return lines;
}
