/**
 * The questionnaire's own interface text in bokmål and English. Kept apart from i18n.ts so the browser
 * script carries only these strings (the questions, answers and reasons come from the rule pack).
 */
import type { CitationOut } from '../../compiler/evaluate/types.ts';
import { citeLang, citeText } from './cite.ts';
import type { Lang } from './routes.ts';

export type OutcomeName = 'allowed' | 'allowed_with_conditions' | 'not_allowed' | 'uncertain';

/** The texts of a question step in bokmål (render.ts `question`; the contact-list worker needs only these). */
export const nbQuestion = {
  progress: (n: number, most: number) => (most > n ? `Spørsmål ${n} av høyst ${most} på denne veien` : `Spørsmål ${n}, det siste`),
  next: 'Neste',
  back: 'Tilbake',
  why: 'Hvorfor spør vi om dette?',
  whyIntro: 'Svaret ditt avgjør om disse reglene gjelder:',
  whyMore: (n: number) => `og ${n} regler til i regeloversikten`,
  summary: 'Svarene dine så langt',
  change: 'Endre',
  changeHidden: (q: string) => ` svaret på «${q}»`,
  legalBasis: 'Rettsgrunnlag',
  andMore: (n: number) => `og ${n} til`,
  unverifiedNote: 'Vår lesning av veiledning og praksis, ikke lovtekst, og ikke kontrollert mot Lovdata.',
  status: { secondary: 'Veiledning', unverified: 'Ikke verifisert' },
  /** A citation as this page shows it (cite.ts citeText): in bokmål the reference itself, so bokmål bundles leave the English forms out. */
  cite: (c: CitationOut): string => c.ref,
  /** The language of a citation shown in another language than the page (cite.ts citeLang): never on a bokmål page. */
  citeLang: (_c: CitationOut): Lang | undefined => undefined,
};

/** The texts of a question step (a part of QText). */
export type QuestionText = typeof nbQuestion;

/** The questionnaire's texts in bokmål (exported alone so a bundle for one language leaves the other out). */
export const nb = {
  title: 'Spørsmål',
  resultTitle: 'Svar',
  ...nbQuestion,
  summaryResult: 'Svarene du ga',
  outcome: {
    allowed: 'Ja, du kan sende dette',
    allowed_with_conditions: 'Ja, hvis du følger reglene under',
    not_allowed: 'Nei, du kan ikke sende dette slik',
    uncertain: 'Usikkert: dette krever en juridisk vurdering',
  } as Record<OutcomeName, string>,
  outcomeLead: {
    allowed: 'Markedsføringsloven hindrer deg ikke i å sende dette.',
    allowed_with_conditions: 'Du kan sende det, men bare når du gjør alt på listen «Dette må du gjøre».',
    not_allowed: 'Slik du har beskrevet saken, er det ikke lov. Se under hva som kan gjøre det lovlig.',
    uncertain: 'Loven gir ikke et sikkert svar på denne saken. Spør en advokat eller Forbrukertilsynet før du sender.',
  } as Record<OutcomeName, string>,
  outcomeShort: {
    allowed: 'lov',
    allowed_with_conditions: 'lov på vilkår',
    not_allowed: 'ikke lov',
    uncertain: 'usikkert',
  } as Record<OutcomeName, string>,
  judgement: 'Dette må vurderes',
  askLawyer: 'Ta med svarene dine og kvitteringen under til en advokat eller til Forbrukertilsynet.',
  mustDo: 'Dette må du gjøre',
  mustDoHint: 'Kryss av etter hvert som du har gjort det. Avkryssingen lagres ikke.',
  statuteText: 'Lovteksten',
  reasons: 'Hvorfor',
  sources: 'Kilder',
  wouldChange: 'Hva kan gjøre det lovlig?',
  wouldChangeIntro: 'Hver av disse endringene ville gitt et annet svar:',
  assuming: 'Forutsatt at svaret er:',
  leadsTo: 'Da blir det',
  seeResult: 'Se svaret med denne endringen',
  noChange: 'Vi fant ingen endring du selv kan gjøre som gjør dette lovlig.',
  receipt: 'Kvittering',
  receiptText: (date: string, version: string) => `Vurdert ${date} etter regelpakke ${version}.`,
  download: 'Last ned kvitteringen (JSON)',
  print: 'Skriv ut',
  startAgain: 'Start på nytt',
  error: 'Noe gikk galt',
  errorText: 'Regelpakken ga ikke noe svar på disse svarene. Start på nytt, eller spør en advokat.',
  fileName: 'kvittering',
  checkList: 'Har du en hel kundeliste? Sjekk hele listen på én gang',
};

export type QText = typeof nb;

/** The texts of a question step in English. */
export const enQuestion: QuestionText = {
  progress: (n, most) => (most > n ? `Question ${n} of at most ${most} on this path` : `Question ${n}, the last one`),
  next: 'Next',
  back: 'Back',
  why: 'Why we ask',
  whyIntro: 'Your answer decides whether these rules apply:',
  whyMore: (n) => `and ${n} more rules in the rule reference`,
  summary: 'Your answers so far',
  change: 'Change',
  changeHidden: (q) => ` the answer to “${q}”`,
  legalBasis: 'Legal basis',
  andMore: (n) => `and ${n} more`,
  unverifiedNote: 'Our reading of guidance and practice, not statute text, and not checked against Lovdata.',
  status: { secondary: 'Guidance', unverified: 'Not verified' },
  cite: (c) => citeText(c, 'en'),
  citeLang: (c) => citeLang(c, 'en'),
};

/** The questionnaire's texts in English. */
export const en: QText = {
  title: 'Question',
  resultTitle: 'Answer',
  ...enQuestion,
  summaryResult: 'Your answers',
  outcome: {
    allowed: 'Yes, you may send this',
    allowed_with_conditions: 'Yes, if you follow the rules below',
    not_allowed: 'No, you may not send this as it is',
    uncertain: 'Uncertain: this needs a legal judgement',
  },
  outcomeLead: {
    allowed: 'The Marketing Control Act does not stop you from sending this.',
    allowed_with_conditions: 'You may send it, but only if you do everything under “What you must do”.',
    not_allowed: 'As you have described it, it is not allowed. See below what would make it allowed.',
    uncertain: 'The law gives no certain answer here. Ask a lawyer or the Consumer Authority (Forbrukertilsynet) before you send.',
  },
  outcomeShort: {
    allowed: 'allowed',
    allowed_with_conditions: 'allowed with conditions',
    not_allowed: 'not allowed',
    uncertain: 'uncertain',
  },
  judgement: 'What has to be judged',
  askLawyer: 'Take your answers and the receipt below to a lawyer or to the Consumer Authority.',
  mustDo: 'What you must do',
  mustDoHint: 'Tick each one off when you have done it. The ticks are not saved.',
  statuteText: 'The statute (in Norwegian, as enacted)',
  reasons: 'Why',
  sources: 'Sources',
  wouldChange: 'What would make it allowed',
  wouldChangeIntro: 'Each of these changes would give a different answer:',
  assuming: 'Assuming the answer is:',
  leadsTo: 'It would then be',
  seeResult: 'See the answer with this change',
  noChange: 'We found no change you can make yourself that would make this allowed.',
  receipt: 'Receipt',
  receiptText: (date, version) => `Decided on ${date} by rule pack ${version}.`,
  download: 'Download the receipt (JSON)',
  print: 'Print',
  startAgain: 'Start again',
  error: 'Something went wrong',
  errorText: 'The rule pack gave no answer to these answers. Start again, or ask a lawyer.',
  fileName: 'receipt',
  checkList: 'Have a whole contact list? Check the whole list at once',
};

/** The questionnaire's interface text in a language. */
export function qtext(lang: Lang): QText {
  return lang === 'nb' ? nb : en;
}
