/** Fixed pages and their path in each language (dependency-free, so the questionnaire's browser script can use it). */
export type Lang = 'nb' | 'en';

/** Fixed pages and their path in each language; the language switch pairs them. */
export const ROUTES = {
  home: { nb: '/', en: '/en/' },
  guides: { nb: '/veiledning/', en: '/en/guides/' },
  privacy: { nb: '/personvern/', en: '/en/privacy/' },
  questionnaire: { nb: '/sporsmal/', en: '/en/question/' },
  /** The questionnaire's receipt as a JSON download, rendered on demand (for browsers without JavaScript). */
  receipt: { nb: '/sporsmal/kvittering.json', en: '/en/question/receipt.json' },
  rules: { nb: '/regler/', en: '/en/rules/' },
  /** Who stands behind the guide, how the rules are checked, how to report an error. */
  about: { nb: '/om/', en: '/en/about/' },
  /** The rule pack's changelog (rules/CHANGELOG.md). */
  changes: { nb: '/endringer/', en: '/en/changes/' },
  /** «Sjekk kundelisten»: a whole contact list decided in the browser. */
  list: { nb: '/sjekk-liste/', en: '/en/check-list/' },
} as const satisfies Record<string, Record<Lang, string>>;

/** The sliced rule tables the questionnaire's browser script decides with (one static file for both languages). */
export const TABLES_PATH = '/regler/tabeller.json';
