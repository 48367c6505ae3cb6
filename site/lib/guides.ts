/** Reading the guide collection: per-language lists and the nb/en pairing used by the language switch. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { guidePath, otherLang, type Lang } from './i18n.ts';

export type Guide = CollectionEntry<'guides'>;

/** All guides in one language, in reading order; fails the build if a file sits in the wrong folder. */
export async function guidesIn(lang: Lang): Promise<Guide[]> {
  const all = await getCollection('guides');
  for (const g of all) {
    const folder = g.id.split('/')[0];
    if (folder !== g.data.lang) throw new Error(`guide ${g.id}: lang "${g.data.lang}" but stored under ${folder}/`);
  }
  return all.filter((g) => g.data.lang === lang).sort((a, b) => a.data.order - b.data.order);
}

/** Path of the same guide in the other language; fails the build if the translation is missing. */
export async function pairedPath(guide: Guide): Promise<string> {
  const lang = otherLang(guide.data.lang);
  const match = (await guidesIn(lang)).find((g) => g.data.pair === guide.data.pair);
  if (!match) throw new Error(`guide ${guide.id}: no ${lang} version with pair "${guide.data.pair}"`);
  return guidePath(lang, match.data.slug);
}

/** Static paths for the guide pages of one language. */
export async function guidePaths(lang: Lang) {
  return (await guidesIn(lang)).map((guide) => ({ params: { slug: guide.data.slug }, props: { guide } }));
}
