/**
 * Name and type checks on a file with syntax errors. The parser recovers (Chevrotain's error
 * recovery, one declaration at a time) and builds what it can, so the checker can run on the
 * recovered tree too and one run lists every mistake, not only the syntax errors. Left out is what
 * the syntax errors already explain: what the checker says inside a declaration that did not parse
 * (e.g. "no outcome" for a `then` that failed), a reference to a name whose declaration is written
 * in the text but did not parse (one broken `source` must not make every citation an error, nor a missing `section url` warn), and
 * "never used" warnings (a use may be in the broken part).
 */
import type { Declaration, LovFile, Range } from '../ast/types.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { check } from './index.ts';

/** Codes that say a name, or something of the declaration it names, is missing. */
const REFERENCES = new Set(['LOV2001', 'LOV2003', 'LOV2004', 'LOV2005', 'LOV2006', 'LOV2023']);

const inside = (r: Range, outer: Range): boolean => r.file === outer.file && r.start.offset >= outer.start.offset && r.start.offset <= outer.end.offset;

/** The names the texts declare (`fact NAME`, `rule NAME` …), whether or not the declaration parsed. */
function writtenNames(texts: ReadonlyMap<string, string>): Set<string> {
  const names = new Set<string>();
  for (const text of texts.values()) {
    for (const m of text.matchAll(/^(?:fact|condition|obligation|source|rule)\s+([\p{L}\p{N}_]+)/gmu)) names.add(m[1]!);
  }
  return names;
}

/** The checker's diagnostics on recovered files, without those the syntax errors already explain. */
export function checkRecovered(files: LovFile[], syntax: readonly Diagnostic[], texts: ReadonlyMap<string, string>): Diagnostic[] {
  const broken: Declaration[] = files.flatMap((f) => f.declarations.filter((d) => syntax.some((s) => inside(s.range, d.range))));
  const parsed = new Set(files.flatMap((f) => f.declarations.filter((d) => !broken.includes(d)).flatMap((d) => ('name' in d && d.name && 'text' in d.name ? [d.name.text] : []))));
  const written = [...writtenNames(texts)].filter((n) => !parsed.has(n));
  const brokenSource = broken.some((d) => d.kind === 'source');
  const explained = (d: Diagnostic): boolean =>
    (REFERENCES.has(d.code) && written.includes(/“([^”]+)”/.exec(d.message.en)?.[1] ?? '')) || (d.code === 'LOV3013' && brokenSource);
  return check(files).diagnostics.filter((d) => d.code !== 'LOV2015' && !broken.some((b) => inside(d.range, b.range)) && !explained(d));
}
