/**
 * The playground's own interface text (/regler/prov/, /en/rules/try/) in bokmål and English: the
 * worker builds the result panels with it, the page script its status lines. The questions, answers,
 * diagnostics and diff words come from the rule pack and the compiler.
 */
import type { Lang } from '../routes.ts';

const nb = {
  checking: 'Sjekker …',
  ready: 'Klar. Endre teksten, så sjekkes den mens du skriver.',
  count: (errors: number, warnings: number) =>
    errors + warnings === 0
      ? 'Ingen feil eller advarsler i denne filen.'
      : `${[errors ? `${errors} feil` : '', warnings ? `${warnings} ${warnings === 1 ? 'advarsel' : 'advarsler'}` : ''].filter(Boolean).join(' og ')} i denne filen.`,
  error: 'Feil',
  warning: 'Advarsel',
  info: 'Merknad',
  at: (line: number, column: number) => `Linje ${line}, kolonne ${column}`,
  inFile: (file: string, line: number) => `${file}, linje ${line}`,
  goTo: 'Gå til stedet',
  noDiagnostics: 'Ingen feil eller advarsler i denne filen.',
  otherFiles: 'I andre filer',
  findingsBlocked: 'Kontrollene av hele regelsettet kjøres når filene ikke har feil.',
  noFindings: 'Ingen hull, ingen motstrid og ingen regler som aldri gjelder: hvert tilfelle får nøyaktig ett svar.',
  kinds: { gap: 'Hull: tilfeller uten svar', conflict: 'Motstrid: regler som gir ulike svar', dead: 'Regler og plikter som aldri gjelder', other: 'Andre funn' },
  examplesBlocked: 'Eksemplene kjøres når filene ikke har feil.',
  noExamples: 'Denne filen har ingen eksempler.',
  examplesCount: (passed: number, total: number) => `${passed} av ${total} eksempler i denne filen består.`,
  passedList: (n: number) => `Eksempler som består (${n})`,
  failed: 'Består ikke',
  passed: 'Består',
  expectedGot: (expected: string, actual: string) => `Forventet ${expected}, men fikk ${actual}.`,
  passesWith: (given: string) => `Består med «${given}».`,
  changesBlocked: 'Hva som endres, vises når filene ikke har feil.',
  noEdit: 'Du har ikke endret noe ennå. Når du gjør det, ser du her hvilke situasjoner som får et annet svar enn i de publiserte reglene.',
  changesWorking: 'Sammenligner med de publiserte reglene …',
  noChange: 'Ingen situasjon får et annet svar enn i de publiserte reglene.',
  changesSummary: (n: number, more: boolean, rules: number) => `${n}${more ? '+' : ''} ${n === 1 ? 'situasjon' : 'situasjoner'} får et annet svar, under ${rules} ${rules === 1 ? 'regel' : 'regler'}.`,
  changesTruncated: (n: number) => `Viser de første ${n}. Kommandoen lovkode diff viser alle.`,
  when: 'Når',
  from: (date: string) => `fra ${date}`,
  every: 'i alle situasjoner',
  before: 'Før',
  now: 'Nå',
  must: 'plikter',
  tryBlocked: 'Spørsmålene kan prøves når filene ikke har feil.',
  published: 'Med de publiserte reglene',
  edited: 'Med endringen din',
  sameAnswer: 'Samme svar som med de publiserte reglene.',
  differentAnswer: 'Endringen din gir et annet svar enn de publiserte reglene.',
  open: 'ikke avgjort ennå',
  crashed: 'Noe gikk galt i sjekken. Prøv å laste siden på nytt.',
  shared: 'Lenken til endringen din står i adressefeltet og under. Den som åpner den, ser den samme teksten.',
  copied: 'Lenken er kopiert.',
  badShare: 'Lenken inneholder ingen endring som kan leses. Du ser de publiserte reglene.',
  staleShare: (files: string[]) => `Lenken ble laget mot en annen versjon av ${files.join(', ')}, og endringen der er utelatt. Be om en ny lenke.`,
  reset: 'Filen er tilbake slik den er publisert.',
  edited_files: (files: string[]) => `Endret: ${files.join(', ')}`,
};

export type PlaygroundText = typeof nb;

const en: PlaygroundText = {
  checking: 'Checking …',
  ready: 'Ready. Edit the text and it is checked as you type.',
  count: (errors, warnings) =>
    errors + warnings === 0
      ? 'No errors or warnings in this file.'
      : `${[errors ? `${errors} ${errors === 1 ? 'error' : 'errors'}` : '', warnings ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''].filter(Boolean).join(' and ')} in this file.`,
  error: 'Error',
  warning: 'Warning',
  info: 'Note',
  at: (line, column) => `Line ${line}, column ${column}`,
  inFile: (file, line) => `${file}, line ${line}`,
  goTo: 'Go to the place',
  noDiagnostics: 'No errors or warnings in this file.',
  otherFiles: 'In other files',
  findingsBlocked: 'The checks of the whole pack run when the files have no errors.',
  noFindings: 'No gaps, no conflicts and no rules that never apply: every case gets exactly one answer.',
  kinds: { gap: 'Gaps: cases without an answer', conflict: 'Conflicts: rules that give different answers', dead: 'Rules and obligations that never apply', other: 'Other findings' },
  examplesBlocked: 'The examples run when the files have no errors.',
  noExamples: 'This file has no examples.',
  examplesCount: (passed, total) => `${passed} of ${total} examples in this file pass.`,
  passedList: (n) => `Examples that pass (${n})`,
  failed: 'Fails',
  passed: 'Passes',
  expectedGot: (expected, actual) => `Expected ${expected}, but got ${actual}.`,
  passesWith: (given) => `Passes with “${given}”.`,
  changesBlocked: 'What changes is shown when the files have no errors.',
  noEdit: 'You have not changed anything yet. When you do, this shows which situations get a different answer from the published rules.',
  changesWorking: 'Comparing with the published rules …',
  noChange: 'No situation gets a different answer from the published rules.',
  changesSummary: (n, more, rules) => `${n}${more ? '+' : ''} ${n === 1 ? 'situation gets' : 'situations get'} a different answer, under ${rules} ${rules === 1 ? 'rule' : 'rules'}.`,
  changesTruncated: (n) => `Showing the first ${n}. The command lovkode diff shows them all.`,
  when: 'When',
  from: (date) => `from ${date}`,
  every: 'in every situation',
  before: 'Before',
  now: 'Now',
  must: 'obligations',
  tryBlocked: 'The questions can be tried when the files have no errors.',
  published: 'With the published rules',
  edited: 'With your edit',
  sameAnswer: 'The same answer as with the published rules.',
  differentAnswer: 'Your edit gives a different answer from the published rules.',
  open: 'not settled yet',
  crashed: 'Something went wrong in the check. Try reloading the page.',
  shared: 'The link to your edit is in the address bar and below. Whoever opens it sees the same text.',
  copied: 'The link is copied.',
  badShare: 'The link holds no edit that can be read. You see the published rules.',
  staleShare: (files) => `The link was made against another version of ${files.join(', ')}, and the edit there is left out. Ask for a new link.`,
  reset: 'The file is back as published.',
  edited_files: (files) => `Edited: ${files.join(', ')}`,
};

/** The playground's texts in a language. */
export function playgroundText(lang: Lang): PlaygroundText {
  return lang === 'nb' ? nb : en;
}
