/** The interface text of «Sjekk kundelisten» in bokmål (its own chunk: a page loads only its language). */
import type { Lang } from '../routes.ts';
import type { Category } from './rows.ts';
import type { ListProblem, RowProblem } from './csv.ts';

const n = (x: number, lang: Lang) => x.toLocaleString(lang === 'nb' ? 'nb-NO' : 'en-GB');

const nb = {
  reading: 'Leser listen …',
  loaded: (rows: number, cols: number, lang: Lang, unreadable: number) =>
    `Listen har ${n(rows, lang)} rader og ${cols} kolonner.${unreadable ? ` ${n(unreadable, lang)} rader kunne ikke leses.` : ''}`,
  step2: '2. Koble kolonnene til spørsmålene',
  step2Intro: 'Vi har foreslått hvilke kolonner som svarer på hvilke spørsmål. Sjekk forslagene, og si hva hver verdi betyr.',
  preview: 'De første radene',
  usedAs: (h: string) => `Kolonnen «${h}» svarer på`,
  notUsed: 'Ikke bruk',
  tooMany: 'Kolonnen har for mange ulike verdier til å være et svar (for eksempel navn eller e-post).',
  valueMeans: 'Verdi i listen',
  means: 'Betyr',
  rows: 'Rader',
  unknownValue: 'Vet ikke (ukjent)',
  emptyCell: '(tom)',
  dateCell: 'en dato',
  unmappedValues: (k: number) => `${k} verdi(er) er ikke koblet til et svar og regnes som ukjent.`,
  step3: '3. Kampanjen',
  step3Intro: 'Svar én gang for hele listen på det som er likt for alle. Vi spør bare om det som fortsatt kan endre svaret for noen av radene.',
  leaveOpen: 'Varierer eller vet ikke – la stå åpent',
  open: 'Åpent',
  campaignDone: 'Kampanjen er beskrevet.',
  step4: '4. Svaret',
  resultFor: (rows: number, lang: Lang) => `Svaret for ${n(rows, lang)} rader`,
  count: {
    allowed: 'kan få den',
    allowed_with_conditions: 'kan få den hvis dere gjør det som står under',
    not_allowed: 'kan ikke få den',
    uncertain: 'krever en juridisk vurdering',
    missing: 'mangler et svar',
    error: 'kunne ikke avgjøres',
  } as Record<Category, string>,
  category: {
    allowed: 'Lov',
    allowed_with_conditions: 'Lov på vilkår',
    not_allowed: 'Ikke lov',
    uncertain: 'Usikkert',
    missing: 'Mangler svar',
    error: 'Feil',
  } as Record<Category, string>,
  missingHeading: 'Dette mangler',
  missingRow: (rows: number, lang: Lang) => `${n(rows, lang)} rader mangler svar på`,
  missingHint: 'Fyll inn kolonnen i listen, koble verdiene over, eller svar for hele listen under «Kampanjen».',
  mustHeading: 'Dette må dere gjøre for dem som kan få den',
  appliesTo: (rows: number, lang: Lang) => `Gjelder ${n(rows, lang)} rader.`,
  whyHeading: 'Hvorfor',
  rowsWith: (rows: number, lang: Lang) => `${n(rows, lang)} rader`,
  changeHeading: 'Dette kan gjøre det lovlig:',
  assuming: 'forutsatt at svaret er:',
  tableHeading: 'Radene',
  filterCategory: 'Vis svar',
  filterReason: 'Vis grunn',
  all: 'Alle',
  row: 'Rad',
  answer: 'Svar',
  reason: 'Grunn',
  pageOf: (p: number, pages: number, total: number, lang: Lang) => `Side ${p} av ${pages} (${n(total, lang)} rader)`,
  prev: 'Forrige side',
  next: 'Neste side',
  downloadHeading: 'Last ned',
  unreadable: 'Raden kunne ikke leses.',
  downloadCsv: 'Last ned listen med svarene (CSV)',
  downloadReceipt: 'Last ned kvitteringen (JSON)',
  downloadHint: 'Listen får fire nye kolonner: lovkode_outcome (svaret), lovkode_rule (regelen), lovkode_missing (spørsmål uten svar) og lovkode_obligations (plikter).',
  fileName: 'liste-med-svar',
  receiptName: 'kvittering-liste',
  time: (ms: number) => `Beregnet på ${(ms / 1000).toLocaleString('nb-NO', { maximumFractionDigits: 2 })} s i nettleseren din.`,
  problem: {
    E_LIST_EMPTY: 'Filen er tom.',
    E_LIST_BINARY: 'Dette er ikke en CSV-fil (tekst), men en binærfil, for eksempel et regneark eller et bilde. Lagre listen som CSV først.',
    E_LIST_ENCODING: 'Filen er ikke lagret som UTF-8. Lagre den på nytt som «CSV UTF-8» (i Excel: Lagre som → CSV UTF-8).',
    E_LIST_HEADER: 'Første linje må være en overskriftsrad med navnene på kolonnene.',
    E_LIST_NO_ROWS: 'Filen har en overskriftsrad, men ingen rader.',
  } as Record<ListProblem['code'], string>,
  rowProblem: (p: RowProblem) =>
    p.code === 'E_LIST_QUOTE' ? 'Et anførselstegn som åpner en celle, lukkes aldri.' : `Raden har ${p.cells} celler, men overskriftsraden har ${p.header}.`,
};

export type ListText = typeof nb;

export default nb;
