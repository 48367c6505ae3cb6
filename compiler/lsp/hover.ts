/**
 * Hover texts (Markdown): a fact's question and values, a condition's meaning, a rule's outcome and
 * reason, an obligation's text, and a citation's statute text when the pack declares it.
 */
import type { Citation, Declaration, Text } from '../ast/types.ts';
import { printExpr } from '../format/index.ts';
import type { PackIndex, PackSymbol } from './names.ts';

const both = (t: Text | undefined): string => [t?.nb?.value, t?.en?.value].filter(Boolean).join(' / ');

/** Statute declarations (`statute SOURCE "pinpoint" STATUS text "…"`) of the pack, when the language has them. */
interface StatuteLike {
  kind: 'statute';
  source: { text: string };
  pinpoint: { value: string };
  text?: { value: string };
}
const fold = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The statute text a citation points at (same source, same pinpoint), if declared. */
export function statuteText(declarations: readonly Declaration[], c: Citation): string | undefined {
  const statutes = (declarations as unknown as Array<{ kind: string }>).filter((d): d is StatuteLike => d.kind === 'statute');
  const hit = statutes.find((s) => s.source.text === c.source.text && fold(s.pinpoint.value) === fold(c.pinpoint.value));
  return hit?.text?.value;
}

function citations(index: PackIndex, list: readonly Citation[]): string[] {
  return list.map((c) => {
    const text = statuteText(index.declarations, c);
    const line = `- ${c.source.text} «${c.pinpoint.value}»${c.unverified ? ' (unverified)' : ''}`;
    return text ? `${line}\n\n  > ${fold(text)}` : line;
  });
}

/** The hover Markdown of a symbol. */
export function hoverText(index: PackIndex, sym: PackSymbol): string {
  const d = sym.decl;
  const lines: string[] = [];
  if (sym.kind === 'value' && d.kind === 'fact') {
    const v = d.values.find((x) => `${d.name.text}.${x.name.text}` === sym.key);
    lines.push(`**${v?.name.text}** — value of \`${d.name.text}\``, both(v?.label));
  } else if (d.kind === 'fact') {
    lines.push(`**fact ${d.name.text}**`, both(d.question));
    const values = d.type === 'boolean' ? ['true', 'false'] : d.values.map((v) => `\`${v.name.text}\`${v.label ? ` ${both(v.label)}` : ''}`);
    lines.push(`Values: ${values.join(', ')}`);
    if (d.typical) lines.push(`Typical: \`${d.typical.text}\``);
  } else if (d.kind === 'condition') {
    lines.push(`**condition ${d.name.text}**`, both(d.label));
    if (d.means) lines.push('```lov\nmeans ' + printExpr(d.means) + '\n```');
  } else if (d.kind === 'rule') {
    lines.push(`**rule ${d.name.text}** ${d.title?.value ?? ''}`);
    if (d.outcome) lines.push(`Outcome: \`${d.outcome.text}\``);
    if (d.exceptionTo.length) lines.push(`Exception to: ${d.exceptionTo.map((n) => n.text).join(', ')}`);
    if (d.because) lines.push(`Because: ${both(d.because)}`);
    lines.push(...citations(index, d.citations));
  } else if (d.kind === 'obligation') {
    lines.push(`**obligation ${d.name.text}**`, both(d.text), ...citations(index, d.citations));
  } else if (d.kind === 'obligationSet') {
    lines.push(`**obligation set ${d.name.text}**`, `Includes: ${d.includes.flatMap((u) => u.items.map((i) => i.text)).join(', ')}`);
  } else if (d.kind === 'source') {
    lines.push(`**source ${d.name.text}** ${d.title?.value ?? ''}`, d.url?.value ?? '');
  }
  return lines.filter((l) => l !== '').join('\n\n');
}

/** The hover of a citation under the cursor: its statute text, when declared. */
export function citationHover(index: PackIndex, c: Citation): string {
  const text = statuteText(index.declarations, c);
  return `**${c.source.text} «${c.pinpoint.value}»**\n\n${text ? `> ${fold(text)}` : '(no statute text declared for this pinpoint)'}`;
}
