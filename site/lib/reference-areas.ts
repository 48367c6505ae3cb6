/**
 * The rule reference is one page per area of law: one per rule file of the pack, named by the area's
 * title instead of the file name. Links to a rule or obligation go to its area's page.
 */
import type { PackReference } from './reference-types.ts';
import { ROUTES, type Lang } from './routes.ts';

export interface Area {
  /** The pack file the area is written in, e.g. "electronic.lov". */
  file: string;
  slug: Record<Lang, string>;
  title: Record<Lang, string>;
}

/** Titles and page names of the pack's files; a file not listed gets its own name as both. */
const KNOWN: Record<string, Omit<Area, 'file'>> = {
  'scope.lov': { slug: { nb: 'virkeomrade', en: 'scope' }, title: { nb: 'Virkeområde: er det markedsføring?', en: 'Scope: is it marketing?' } },
  'electronic.lov': { slug: { nb: 'elektronisk', en: 'electronic' }, title: { nb: 'E-post, SMS og annen elektronisk markedsføring', en: 'E-mail, SMS and other electronic marketing' } },
  'telephone.lov': { slug: { nb: 'telefonsalg', en: 'telephone' }, title: { nb: 'Telefonsalg', en: 'Telephone sales' } },
  'letter.lov': { slug: { nb: 'brev', en: 'letters' }, title: { nb: 'Adressert reklame i posten', en: 'Addressed advertising by post' } },
  'unaddressed.lov': { slug: { nb: 'uadressert', en: 'unaddressed' }, title: { nb: 'Uadressert reklame', en: 'Unaddressed advertising' } },
  'history.lov': { slug: { nb: 'eldre-lov', en: 'earlier-law' }, title: { nb: 'Eldre lovgivning', en: 'Earlier law' } },
  'obligations.lov': { slug: { nb: 'plikter', en: 'obligations' }, title: { nb: 'Plikter', en: 'Obligations' } },
};

/** The areas of a pack's rule reference, in the pack's import order (files with rules or obligations). */
export function referenceAreas(reference: PackReference): Area[] {
  return reference.files.map((file) => {
    const known = KNOWN[file];
    if (known) return { file, ...known };
    const name = file.replace(/\.lov$/, '');
    return { file, slug: { nb: name, en: name }, title: { nb: name, en: name } };
  });
}

/** The page of an area in a language: `/regler/elektronisk/`. */
export function areaPath(area: Area, lang: Lang): string {
  return `${ROUTES.rules[lang]}${area.slug[lang]}/`;
}

/** Where a rule id or obligation code is explained: its area's page and anchor. */
export function referenceLinker(reference: PackReference, lang: Lang): (id: string) => string {
  const areas = new Map(referenceAreas(reference).map((a) => [a.file, a]));
  const fileOf = new Map<string, string>([...reference.rules.map((r) => [r.id, r.file] as const), ...reference.obligations.map((o) => [o.code, o.file] as const)]);
  return (id) => {
    const area = areas.get(fileOf.get(id) ?? '');
    return area ? `${areaPath(area, lang)}#${encodeURIComponent(id)}` : ROUTES.rules[lang];
  };
}
