/** Languages, page routes and interface strings shared by every page of the site. */
import packVersion from 'virtual:lovkode/version';
import changelog from '../../rules/CHANGELOG.md?raw';
import { lastCompared } from './checked.ts';
import pkg from '../../package.json';
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

/** The rule pack: its version hash (as on receipts) and when its law was last compared with Lovdata (from rules/CHANGELOG.md). */
export const RULE_PACK = {
  version: packVersion,
  lawAsOf: lastCompared(changelog),
} as const;

/** The project's repository (package.json "repository"), where errors are reported as issues; undefined until the project names one. */
export const REPOSITORY: string | undefined = repositoryUrl((pkg as { repository?: unknown }).repository);

function repositoryUrl(repo: unknown): string | undefined {
  const url = typeof repo === 'string' ? repo : typeof repo === 'object' && repo !== null ? (repo as { url?: unknown }).url : undefined;
  return typeof url === 'string' && /^(git\+)?https:\/\//.test(url) ? url.replace(/^git\+/, '').replace(/\.git$/, '') : undefined;
}

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
  siteNameShort: 'Kan jeg sende?',
  navAboutShort: 'Om',
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
  footerChecked: 'Sist kontrollert mot Lovdata:',
  footerChanges: 'Endringer i reglene',
  navAbout: 'Om veiviseren',
  footerAsk: 'Er du i tvil i en konkret sak, spør en advokat eller Forbrukertilsynet.',
  footerLinks: 'Mer om nettstedet',
  ruleReference: 'Regeloversikt',
  startButton: 'Start spørsmålene',
  unverifiedLabel: 'Ikke verifisert',
  unverifiedNote:
    'Dette punktet er vår lesning av veiledning og praksis, ikke lovtekst, og det er ikke kontrollert mot Lovdata.',
  sourcesHeading: 'Kilder',
  contents: 'Innhold',
  status: { primary: 'Primærkilde', secondary: 'Veiledning eller omtale', unverified: 'Ikke verifisert' },
  updated: 'Sist gjennomgått',
  allGuides: 'Alle veiledninger',
  readGuide: 'Les veiledningen',
};

/** Every interface string the site uses, in one language. */
export type Strings = Omit<typeof nb, 'status'> & {
  status: Record<SourceStatus, string>;
};

const en: Strings = {
  siteName: 'May I send the offer?',
  siteNameShort: 'May I send?',
  navAboutShort: 'About',
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
  footerChecked: 'Last compared with Lovdata:',
  footerChanges: 'Changes to the rules',
  navAbout: 'About this guide',
  footerAsk: 'If you are unsure about a real case, ask a lawyer or the Norwegian Consumer Authority (Forbrukertilsynet).',
  footerLinks: 'More about this site',
  ruleReference: 'Rule reference',
  startButton: 'Start the questions',
  unverifiedLabel: 'Not verified',
  unverifiedNote:
    'This point is our reading of guidance and practice, not statute text, and it has not been checked against Lovdata.',
  sourcesHeading: 'Sources',
  contents: 'Contents',
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
