/**
 * Citations as people read them. On English pages a statute citation gets the Act's English short
 * name and the section in English form («mfl. § 15 første og tredje ledd» → "Marketing Control Act
 * s. 15(1) and (3)"); the Norwegian citation goes into the link's title. Browser-safe, no dependencies.
 */
import type { CitationOut } from '../../compiler/evaluate/types.ts';
import type { Lang } from './routes.ts';

/** English short names of the Acts the pack cites, by source id. */
const ACTS: Record<string, string> = {
  mfl: 'Marketing Control Act',
  mfl1972: 'Marketing Control Act 1972',
  ehl: 'E-Commerce Act',
  angrl: 'Cancellation Act',
  popplyl: 'Personal Data Act',
  popplyl2000: 'Personal Data Act 2000',
  gdpr: 'GDPR',
};

const ORDINAL: Record<string, number> = { første: 1, andre: 2, annet: 2, tredje: 3, fjerde: 4, femte: 5, sjette: 6, sjuende: 7, syvende: 7 };
const SENTENCE: Record<string, string> = { første: 'first', andre: 'second', annet: 'second', tredje: 'third', fjerde: 'fourth' };

/** «§ 15 første og tredje ledd annet punktum» → "s. 15(1) and (3), second sentence"; null when it does not read as a section. */
function section(pin: string): string | null {
  const m = /^§\s*(\d+)(?:\s+([a-z]))?(?:\s+(.+?)\s+ledd)?(?:\s+(\S+)\s+punktum)?(?:\s+bokstav\s+([a-z]))?$/.exec(pin.trim());
  if (!m) return null;
  const [, num, letter, paras, sentence, point] = m;
  let out = `s. ${num}${letter ?? ''}`;
  if (paras) {
    const list = paras.split(/\s*(?:,|\bog\b)\s*/).filter(Boolean).map((p) => ORDINAL[p]);
    if (list.some((n) => n === undefined)) return null;
    out += list.map((n, i) => (i === 0 ? `(${n})` : ` and (${n})`)).join('');
  }
  if (point) out += `(${point})`;
  if (sentence) {
    if (!SENTENCE[sentence]) return null;
    out += `, ${SENTENCE[sentence]} sentence`;
  }
  return out;
}

/** «art. 6 nr. 1 bokstav f» → "Art. 6(1)(f)". */
function article(pin: string): string | null {
  const m = /^art\.\s*(\d+)(?:\s+nr\.\s*(\d+))?(?:\s+bokstav\s+([a-z]))?$/.exec(pin.trim());
  if (!m) return null;
  return `Art. ${m[1]}${m[2] ? `(${m[2]})` : ''}${m[3] ? `(${m[3]})` : ''}`;
}

/** The text a reader sees for a citation in a language: `citeText(c, 'en')` → "Marketing Control Act s. 15(1)". */
export function citeText(c: CitationOut, lang: Lang): string {
  if (lang === 'nb') return c.ref;
  const act = ACTS[c.source];
  if (!act) return c.ref;
  const pin = c.ref.replace(/^\S+\s+(?=§|art\.)/, '');
  const english = pin.startsWith('art.') ? article(pin) : section(pin);
  return english ? `${act} ${english}` : c.ref;
}

/** Whether a citation is shown in another language than the page (a Norwegian document name on an English page). */
export function citeLang(c: CitationOut, lang: Lang): Lang | undefined {
  return lang === 'en' && citeText(c, lang) === c.ref && !c.ref.startsWith('GDPR') ? 'nb' : undefined;
}
