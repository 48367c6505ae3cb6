/**
 * The statute texts behind a result's «Legal basis» lines: which texts of the pack a citation quotes,
 * and their HTML (in Norwegian, as enacted). Only the questionnaire's steps use it (site/lib/step.ts),
 * so the contact-list worker, which renders with the same renderer, does not carry it.
 */
import type { CitationOut, Lang } from '../../compiler/evaluate/types.ts';
import type { TableStatute } from '../../compiler/runtime/tables.ts';
import { qtext } from './qtext.ts';
import { esc } from './esc.ts';

/**
 * The statute texts a citation quotes, by its reference (same source): the one with exactly its
 * reference; else the most specific one it is part of («mfl. § 15» for «mfl. § 15 første ledd»);
 * else every one that is part of it. Guidance marked [R] (unverified) never has statute text.
 */
export function quotedBy(c: CitationOut, statutes: readonly TableStatute[]): TableStatute[] {
  if (c.status === 'unverified') return [];
  const same = statutes.filter((s) => s.source === c.source);
  const exact = same.find((s) => s.ref === c.ref);
  if (exact) return [exact];
  const containing = same.filter((s) => c.ref.startsWith(`${s.ref} `)).sort((a, b) => b.ref.length - a.ref.length);
  if (containing.length > 0) return [containing[0]!];
  return same.filter((s) => s.ref.startsWith(`${c.ref} `));
}

/** The statute texts of a list of citations, each once, as quotations: `statuteHtml(citations, tables.statutes, 'en')`. */
export function statuteHtml(list: CitationOut[], statutes: readonly TableStatute[], lang: Lang): string {
  const label = qtext(lang).statuteText;
  return [...new Set(list.flatMap((c) => quotedBy(c, statutes)))]
    .map((s) => `<figure class="basis-statute"><figcaption>${esc(label)}: <a href="${esc(s.url)}"${lang === 'en' ? ' lang="nb"' : ''}>${esc(s.ref)}</a></figcaption><blockquote lang="nb" cite="${esc(s.url)}"><p>${esc(s.text)}</p></blockquote></figure>`)
    .join('');
}
