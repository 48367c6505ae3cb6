/** Languages, page routes and interface strings shared by every page of the site. */
import packVersion from 'virtual:lovkode/version';
import type { SourceStatus } from '../../compiler/ast/types.ts';
import { ROUTES, type Lang } from './routes.ts';

export { ROUTES, type Lang };
export const LANGS: readonly Lang[] = ['nb', 'en'];

/** The other language of the site (nb <-> en). */
export function otherLang(lang: Lang): Lang {
  return lang === 'nb' ? 'en' : 'nb';
}

export type RouteName = keyof typeof ROUTES;

/** Path of one guide article in a language. */
export function guidePath(lang: Lang, slug: string): string {
  return `${ROUTES.guides[lang]}${slug}/`;
}

/** What the footer says about the rule pack: its version hash (as on receipts) and the date of the law. */
export const RULE_PACK = {
  version: packVersion,
  lawAsOf: '2026-07-02',
} as const;

/** Format an ISO date (YYYY-MM-DD) for humans in the given language, without time-zone drift. */
export function formatDate(iso: string | Date, lang: Lang): string {
  const d = typeof iso === 'string' ? new Date(`${iso}T12:00:00Z`) : iso;
  return new Intl.DateTimeFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

const nb = {
  siteName: 'Kan jeg sende tilbudet?',
  skipLink: 'Hopp til hovedinnholdet',
  navLabel: 'Hovedmeny',
  navHome: 'Start',
  navGuides: 'Veiledninger',
  navRules: 'Regler',
  navPrivacy: 'Personvern',
  switchLabel: 'Language: English',
  switchText: 'English',
  footerLabel: 'Om nettstedet',
  notLegalAdvice: 'Dette er ikke juridisk rådgivning.',
  footerPack: (v: string, d: string) =>
    `Svarene bygger på regelpakke versjon ${v}, med lovteksten slik den gjaldt ${d}.`,
  footerAsk: 'Er du i tvil i en konkret sak, spør en advokat eller Forbrukertilsynet.',
  footerLinks: 'Mer om nettstedet',
  ruleReference: 'Regeloversikt',
  startButton: 'Start spørsmålene',
  unverifiedLabel: 'Ikke verifisert',
  unverifiedNote:
    'Dette punktet er vår lesning av veiledning og praksis, ikke lovtekst, og det er ikke kontrollert mot Lovdata.',
  sourcesHeading: 'Kilder',
  status: { primary: 'Primærkilde', secondary: 'Veiledning eller omtale', unverified: 'Ikke verifisert' },
  updated: 'Sist gjennomgått',
  allGuides: 'Alle veiledninger',
  readGuide: 'Les veiledningen',
};

/** Every interface string the site uses, in one language. */
export type Strings = Omit<typeof nb, 'footerPack' | 'status'> & {
  footerPack: (version: string, date: string) => string;
  status: Record<SourceStatus, string>;
};

const en: Strings = {
  siteName: 'May I send the offer?',
  skipLink: 'Skip to main content',
  navLabel: 'Main menu',
  navHome: 'Start',
  navGuides: 'Guides',
  navRules: 'Rules',
  navPrivacy: 'Privacy',
  switchLabel: 'Språk: norsk bokmål',
  switchText: 'Norsk',
  footerLabel: 'About this site',
  notLegalAdvice: 'This is not legal advice.',
  footerPack: (v: string, d: string) => `The answers are based on rule pack version ${v}, with the law as it stood on ${d}.`,
  footerAsk: 'If you are unsure about a real case, ask a lawyer or the Norwegian Consumer Authority (Forbrukertilsynet).',
  footerLinks: 'More about this site',
  ruleReference: 'Rule reference',
  startButton: 'Start the questions',
  unverifiedLabel: 'Not verified',
  unverifiedNote:
    'This point is our reading of guidance and practice, not statute text, and it has not been checked against Lovdata.',
  sourcesHeading: 'Sources',
  status: { primary: 'Primary source', secondary: 'Guidance or commentary', unverified: 'Not verified' },
  updated: 'Last reviewed',
  allGuides: 'All guides',
  readGuide: 'Read the guide',
};

/** Interface strings for a language. */
export function ui(lang: Lang): Strings {
  return lang === 'nb' ? nb : en;
}

/** Language of the current page, from Astro's i18n routing (bokmål unless the path is under /en/). */
export function langOf(currentLocale: string | undefined): Lang {
  return currentLocale === 'en' ? 'en' : 'nb';
}
