/**
 * The one catalogue of diagnostics (as TypeScript's diagnosticMessages.json): a stable code, a
 * severity and a bilingual message template per entry. `{0}`, `{1}` … are filled in by `diagnostic()`.
 *
 * Code ranges: LOV1xxx syntax and files, LOV2xxx names and types, LOV3xxx legal completeness
 * (citations, reasons, translations), LOV4xxx whole-pack analysis (gaps, conflicts, dead rules),
 * LOV5xxx examples. Never renumber an entry; add new ones at the end of their range.
 */
import type { Diagnostic, Message, Related, Severity } from './types.ts';
import type { Range } from '../ast/types.ts';

export interface CatalogueEntry {
  severity: Severity;
  nb: string;
  en: string;
}

export const CATALOGUE = {
  // ── LOV1xxx: syntax and files ─────────────────────────────────────────────────────────────
  LOV1001: { severity: 'error', nb: 'Ukjent tegn «{0}».', en: 'Unexpected character “{0}”.' },
  LOV1002: { severity: 'error', nb: 'Teksten mangler avsluttende anførselstegn.', en: 'The text has no closing quotation mark.' },
  LOV1003: { severity: 'error', nb: 'Her ventet jeg {0}, men fant {1}.', en: 'Expected {0} here, but found {1}.' },
  LOV1004: { severity: 'error', nb: 'Jeg forstår ikke {0} her. En ny del av regelfilen begynner med {1}.', en: 'I do not understand {0} here. A new part of the rule file begins with {1}.' },
  LOV1005: { severity: 'error', nb: 'Fant ikke filen «{0}».', en: 'File “{0}” was not found.' },
  LOV1006: { severity: 'error', nb: 'Filen «{0}» importerer seg selv via {1}.', en: 'File “{0}” imports itself through {1}.' },
  LOV1007: { severity: 'error', nb: 'Ugyldig dato «{0}»: skriv ÅÅÅÅ-MM-DD.', en: 'Invalid date “{0}”: write YYYY-MM-DD.' },
  LOV1008: { severity: 'error', nb: '«{0}» kan ikke brukes her etter «{1}».', en: '“{0}” cannot be used here after “{1}”.' },
  LOV1009: { severity: 'error', nb: '«{0}» står allerede lenger opp; skriv det bare én gang.', en: '“{0}” is already given above; write it only once.' },
  LOV1010: { severity: 'error', nb: 'Betingelsen har for mange parenteser eller «not» inni hverandre (mer enn {0}); del den opp i flere betingelser.', en: 'The condition nests parentheses or “not” too deeply (more than {0}); split it into several conditions.' },
  // LOV1020–LOV1039: reading rule files safely (limits, confinement to the pack, encoding).
  LOV1020: { severity: 'error', nb: 'Filen «{0}» er for stor: en regelfil kan være høyst {1} byte.', en: 'File “{0}” is too large: a rule file can be at most {1} bytes.' },
  LOV1021: { severity: 'error', nb: 'Filen har for mange deler (ord, tegn og tekster): høyst {0}. Del den opp i flere filer.', en: 'The file has too many tokens (words, symbols and texts): at most {0}. Split it into several files.' },
  LOV1022: { severity: 'error', nb: 'Og minst {0} syntaksfeil til i denne filen (bare de første {1} vises).', en: 'And at least {0} more syntax errors in this file (only the first {1} are shown).' },
  LOV1023: { severity: 'error', nb: '«{0}» ligger utenfor regelsettets mappe «{1}»; en regelfil kan bare importere filer i den (eller i mappen gitt med --root).', en: '“{0}” lies outside the pack’s folder “{1}”; a rule file can only import files inside it (or inside the folder given with --root).' },
  LOV1024: { severity: 'error', nb: '«{0}» er ikke en vanlig fil (men en mappe, en enhet, et rør eller lignende) og kan ikke leses som regelfil.', en: '“{0}” is not a regular file (but a folder, a device, a pipe or the like) and cannot be read as a rule file.' },
  LOV1025: { severity: 'error', nb: '«{0}» er ikke en regelfil: bare filer som slutter på .lov kan leses.', en: '“{0}” is not a rule file: only files ending in .lov can be read.' },
  LOV1026: { severity: 'error', nb: 'Filen «{0}» er ikke gyldig UTF-8: byte {1} (talt fra 0) kan ikke leses. Lagre filen som UTF-8.', en: 'File “{0}” is not valid UTF-8: byte {1} (counting from 0) cannot be read. Save the file as UTF-8.' },

  // ── LOV2xxx: names and types ──────────────────────────────────────────────────────────────
  LOV2001: { severity: 'error', nb: 'Faktumet «{0}» er ikke deklarert.', en: 'Fact “{0}” is not declared.' },
  LOV2002: { severity: 'error', nb: '«{0}» er ikke en verdi av faktumet «{1}».', en: '“{0}” is not a value of fact “{1}”.' },
  LOV2003: { severity: 'error', nb: 'Betingelsen eller ja/nei-faktumet «{0}» er ikke deklarert.', en: 'Condition or yes/no fact “{0}” is not declared.' },
  LOV2004: { severity: 'error', nb: 'Plikten «{0}» er ikke deklarert.', en: 'Obligation “{0}” is not declared.' },
  LOV2005: { severity: 'error', nb: 'Kilden «{0}» er ikke deklarert.', en: 'Source “{0}” is not declared.' },
  LOV2006: { severity: 'error', nb: 'Regelen «{0}» finnes ikke, så den kan ikke ha unntak.', en: 'Rule “{0}” does not exist, so nothing can be an exception to it.' },
  LOV2007: { severity: 'error', nb: '«{0}» er deklarert to ganger.', en: '“{0}” is declared twice.' },
  LOV2008: { severity: 'error', nb: '«{0}» er et ja/nei-faktum og kan bare sammenlignes med true eller false, ikke «{1}».', en: '“{0}” is a yes/no fact and can only be compared with true or false, not “{1}”.' },
  LOV2009: { severity: 'error', nb: '«{0}» har flere mulige verdier; skriv hvilke, for eksempel «{0} = {1}».', en: '“{0}” has several possible values; say which, for example “{0} = {1}”.' },
  LOV2010: { severity: 'error', nb: 'Unntakene danner en sirkel: {0}.', en: 'The exceptions form a circle: {0}.' },
  LOV2011: { severity: 'error', nb: 'Betingelsene bygger på hverandre i en sirkel: {0}.', en: 'The conditions are defined in terms of each other in a circle: {0}.' },
  LOV2012: { severity: 'error', nb: 'Ukjent utfall «{0}».', en: 'Unknown outcome “{0}”.' },
  LOV2013: { severity: 'error', nb: 'Ukjent kildestatus «{0}».', en: 'Unknown source status “{0}”.' },
  LOV2014: { severity: 'error', nb: '«{0}» er en betingelse, ikke et faktum, og kan ikke sammenlignes med en verdi.', en: '“{0}” is a condition, not a fact, and cannot be compared with a value.' },
  LOV2015: { severity: 'warning', nb: '«{0}» er deklarert, men aldri brukt.', en: '“{0}” is declared but never used.' },
  LOV2016: { severity: 'error', nb: 'Plikt-settene bygger på hverandre i en sirkel: {0}.', en: 'The obligation sets include each other in a circle: {0}.' },
  LOV2017: { severity: 'error', nb: 'Verdien «{0}» er oppført to ganger.', en: 'Value “{0}” is listed twice.' },
  LOV2018: { severity: 'error', nb: 'Et faktum med valg må ha minst to verdier.', en: 'A fact with choices needs at least two values.' },
  LOV2019: { severity: 'error', nb: '«{0}» er ikke en gyldig verdi for «typical» til «{1}».', en: '“{0}” is not a valid typical value of “{1}”.' },
  LOV2020: { severity: 'error', nb: 'Perioden slutter ({1}) før den begynner ({0}).', en: 'The period ends ({1}) before it begins ({0}).' },
  LOV2021: { severity: 'error', nb: 'En regel kan ikke være unntak fra seg selv.', en: 'A rule cannot be an exception to itself.' },
  LOV2022: { severity: 'error', nb: '«{0}» er et ja/nei-faktum; skriv «{0}» eller «not {0}» i stedet for «in».', en: '“{0}” is a yes/no fact; write “{0}” or “not {0}” instead of “in”.' },
  LOV2023: { severity: 'error', nb: 'Regelen «{0}» er ikke deklarert.', en: 'Rule “{0}” is not declared.' },
  LOV2024: { severity: 'error', nb: 'Et faktum kan ha høyst {0} verdier.', en: 'A fact can have at most {0} values.' },
  LOV2030: { severity: 'error', nb: 'Regelen «{0}» finnes ikke, så ingen regel kan gå foran den.', en: 'Rule “{0}” does not exist, so no rule can prevail over it.' },
  LOV2031: { severity: 'error', nb: 'Forrangen går i sirkel: {0}. Da vet ingen hvilken regel som går foran.', en: 'The priorities go round in a circle: {0}. Then no rule can be said to come first.' },
  LOV2032: { severity: 'error', nb: 'En regel kan ikke gå foran seg selv.', en: 'A rule cannot prevail over itself.' },
  LOV2034: { severity: 'error', nb: 'Regelen «{0}» finnes ikke, så «except» kan ikke nevne den.', en: 'Rule “{0}” does not exist, so “except” cannot name it.' },
  LOV2035: { severity: 'error', nb: '«{0}» står både etter «prevails over» og etter «except» i samme regel.', en: '“{0}” is named both after “prevails over” and after “except” in the same rule.' },
  LOV2036: { severity: 'warning', nb: '{1} går ikke foran «{0}» uansett, så «except {0}» endrer ingenting.', en: '{1} does not prevail over “{0}” anyway, so “except {0}” changes nothing.' },
  LOV2033: { severity: 'error', nb: '«{0}» er en begrunnelse i regelen {1}, ikke en regel; forrang gjelder regler.', en: '“{0}” is a reason of rule {1}, not a rule; priorities are between rules.' },
  // LOV2250–LOV2259: screens (facts asked together, `screen`).
  LOV2250: { severity: 'error', nb: 'Faktumet «{0}» står allerede i skjermen «{1}»; et faktum kan bare spørres sammen med andre i én skjerm.', en: 'Fact “{0}” is already in screen “{1}”; a fact can be asked together with others in one screen only.' },
  LOV2251: { severity: 'error', nb: 'Skjermen «{0}» må bekrefte minst to fakta; ett faktum spørres best for seg.', en: 'Screen “{0}” must confirm at least two facts; a single fact is best asked on its own.' },
  LOV2252: { severity: 'error', nb: '«Ja» i skjermen kan aldri stemme: «{0}» kan ikke være både {1} og {2}.', en: '“Yes” to the screen can never hold: “{0}” cannot be both {1} and {2}.' },
  LOV2253: { severity: 'error', nb: 'Faktumet «{0}» er allerede bekreftet lenger opp i skjermen.', en: 'Fact “{0}” is already confirmed above in the screen.' },

  // ── LOV3xxx: legal completeness ───────────────────────────────────────────────────────────
  LOV3001: { severity: 'error', nb: 'Regelen «{0}» har ingen hjemmel (cites).', en: 'Rule “{0}” cites no source.' },
  LOV3002: { severity: 'error', nb: 'Plikten «{0}» har ingen hjemmel (cites).', en: 'Obligation “{0}” cites no source.' },
  LOV3003: { severity: 'error', nb: 'Regelen «{0}» har ingen begrunnelse (because).', en: 'Rule “{0}” has no reason (because).' },
  LOV3004: { severity: 'error', nb: 'Teksten mangler {0}-versjon.', en: 'The text has no {0} version.' },
  LOV3005: { severity: 'error', nb: 'Regelen «{0}» gir «uncertain», men sier ikke hvilken vurdering som trengs (judgement).', en: 'Rule “{0}” is uncertain but does not say which judgement is needed (judgement).' },
  LOV3006: { severity: 'error', nb: '«judgement» hører bare til regler med utfallet uncertain.', en: '“judgement” belongs only to rules whose outcome is uncertain.' },
  LOV3007: { severity: 'error', nb: 'Faktumet «{0}» har ikke noe spørsmål (question).', en: 'Fact “{0}” has no question.' },
  LOV3008: { severity: 'error', nb: 'Verdien «{0}» har ingen etikett (label).', en: 'Value “{0}” has no label.' },
  LOV3009: { severity: 'error', nb: 'Kilden «{0}» mangler {1}.', en: 'Source “{0}” has no {1}.' },
  LOV3010: { severity: 'error', nb: 'Betingelsen «{0}» har ingen etikett (label).', en: 'Condition “{0}” has no label.' },
  LOV3011: { severity: 'error', nb: 'Plikten «{0}» har ingen tekst.', en: 'Obligation “{0}” has no text.' },
  LOV3012: { severity: 'error', nb: 'Regelen «{0}» sier ikke hva utfallet er (then).', en: 'Rule “{0}” does not say what the outcome is (then).' },
  LOV3013: { severity: 'warning', nb: 'Henvisningen «{0}» gir ingen lenke til en bestemt paragraf, fordi kilden ikke har «section url».', en: 'Citation “{0}” cannot link to a section because the source has no “section url”.' },
  LOV3014: { severity: 'error', nb: 'Betingelsen «{0}» sier ikke hva den betyr (means).', en: 'Condition “{0}” does not say what it means (means).' },
  LOV3020: { severity: 'error', nb: 'Lovteksten {0} er allerede gjengitt lenger opp.', en: 'The statute text {0} is already given above.' },
  LOV3021: { severity: 'error', nb: 'Veiledning merket [R] (unverified) gjengis aldri som lovtekst: {0} kan bare siteres som uverifisert.', en: 'Guidance marked [R] (unverified) is never quoted as statute: {0} can only be cited as unverified.' },
  LOV3022: { severity: 'error', nb: 'Ingen kilde gjengir teksten til {0}, så den kan ikke siteres med «quotes»: legg til en «statute» med teksten over regelen, eller bruk «cites».', en: 'No source gives the text of {0}, so it cannot be quoted with “quotes”: add a “statute” with its text above the rule, or use “cites”.' },
  LOV3023: { severity: 'warning', nb: 'Ingen regel, begrunnelse eller plikt viser til lovteksten {0}.', en: 'No rule, reason or obligation cites the statute text {0}.' },
  LOV3024: { severity: 'error', nb: 'Lovteksten {0} mangler {1}.', en: 'The statute text {0} has no {1}.' },
  LOV3025: { severity: 'error', nb: 'Begrunnelsen «{0}» mangler {1}.', en: 'Reason “{0}” has no {1}.' },
  LOV3250: { severity: 'error', nb: 'Skjermen «{0}» har ikke noe spørsmål (question).', en: 'Screen “{0}” has no question.' },
  LOV3251: { severity: 'error', nb: '«confirms {0}» har ingen tekst: skriv vilkåret slik listen i spørsmålet skal vise det.', en: '“confirms {0}” has no text: write the condition as the list in the question should show it.' },

  // ── LOV4xxx: whole-pack analysis ──────────────────────────────────────────────────────────
  LOV4001: { severity: 'error', nb: 'Hull i reglene: ingen regel gir svar i {0} rett utenfor det {1} dekker.', en: 'Gap: no rule answers {0} just outside what {1}.' },
  LOV4002: { severity: 'error', nb: 'Motstrid: {0} gir et annet svar enn {1} i {2}, og ingen av dem er unntak fra den andre.', en: 'Conflict: {0} gives a different answer from {1} in {2}, and neither is an exception to the other.' },
  LOV4003: { severity: 'warning', nb: 'Regelen «{0}» avgjør aldri noe: {1}.', en: 'Rule “{0}” never decides anything: {1}.' },
  LOV4010: { severity: 'warning', nb: 'Begrunnelsen «{0}» vises aldri: betingelsen kan ikke være oppfylt når regelen {1} gjelder.', en: 'Reason “{0}” is never shown: its condition cannot hold while rule {1} applies.' },
  LOV4011: { severity: 'warning', nb: 'Unødvendig forrang: {0} og {1} gir aldri svar i samme situasjon.', en: 'Redundant priority: {0} and {1} never both give an answer in the same situation.' },
  LOV4012: { severity: 'warning', nb: 'Delbetingelsen «{0}» i {1} er unødvendig: forrangen sørger allerede for det samme.', en: 'The condition part “{0}” of {1} is redundant: the priorities already have the same effect.' },
  LOV4020: { severity: 'error', nb: 'Hull i reglene: ingen regel gir svar i {0}.', en: 'Gap: no rule answers {0}.' },
  LOV4021: { severity: 'warning', nb: 'Plikten «{0}» i regelen «{1}» gjelder aldri: vilkåret (when) kan ikke være oppfylt der regelen avgjør.', en: 'Obligation “{0}” in rule “{1}” never applies: its condition (when) cannot hold where the rule decides.' },

  // ── LOV5xxx: examples ─────────────────────────────────────────────────────────────────────
  LOV5001: { severity: 'error', nb: 'Eksempelet «{0}» feilet: ventet {1}, fikk {2}.', en: 'Example “{0}” failed: expected {1}, got {2}.' },
  LOV5002: { severity: 'error', nb: 'Faktumet «{0}» er oppgitt to ganger i eksempelet.', en: 'Fact “{0}” is given twice in the example.' },
  LOV5003: { severity: 'error', nb: 'Eksempelet har ingen forventning (expect).', en: 'The example expects nothing (expect).' },
  LOV5010: { severity: 'error', nb: 'Eksempelet «{0}» feilet fordi det ikke oppgir {1}: ventet {2}, fikk {3}.', en: 'Example “{0}” failed because it does not give {1}: expected {2}, got {3}.' },
  LOV5011: { severity: 'error', nb: '{0} eksempler feilet bare fordi de ikke oppgir {1}, for eksempel «{2}».', en: '{0} examples failed only because they do not give {1}, for example “{2}”.' },
} as const satisfies Record<string, CatalogueEntry>;

export type DiagnosticCode = keyof typeof CATALOGUE;

/** An argument of a message: the same in both languages (a name), or one text per language. */
export type Arg = string | Message;

function fill(template: string, args: readonly Arg[], lang: 'nb' | 'en'): string {
  return template.replace(/\{(\d+)\}/g, (_, i: string) => {
    const arg = args[Number(i)] ?? '';
    return typeof arg === 'string' ? arg : arg[lang];
  });
}

/** Builds a diagnostic from the catalogue: `diagnostic('LOV2001', range, ['chanel'], { hint })`. */
export function diagnostic(
  code: DiagnosticCode,
  range: Range,
  args: readonly Arg[] = [],
  extra: { related?: Related[]; hint?: Message } = {},
): Diagnostic {
  const entry: CatalogueEntry = CATALOGUE[code];
  return {
    code,
    severity: entry.severity,
    message: { nb: fill(entry.nb, args, 'nb'), en: fill(entry.en, args, 'en') },
    range,
    related: extra.related ?? [],
    ...(extra.hint ? { hint: extra.hint } : {}),
  };
}
