/**
 * The command table: name, flags and help text (bokmål and English) of every command. The code of
 * a command is loaded only when it runs, so `--help` and command-line errors stay fast.
 */
import type { Lang } from '../evaluate/types.ts';
import type { Message } from '../diagnostics/types.ts';
import type { FlagSpec, ParsedArgs } from './args.ts';
import type { CliIO } from './io.ts';

/** What a command gets besides its arguments. */
export interface Context {
  io: CliIO;
  lang: Lang;
}

/** A command's code: returns the exit code. */
export type CommandRun = (args: ParsedArgs, ctx: Context) => Promise<number>;

export interface CommandDef {
  name: string;
  summary: Message;
  usage: string;
  /** Body of `--help`: what it does, the flags, examples and exit codes. */
  help: Message;
  flags: readonly FlagSpec[];
  load: () => Promise<{ run: CommandRun }>;
}

const RULES_FLAGS: readonly FlagSpec[] = [
  { name: 'rules', kind: 'string' },
  { name: 'date', kind: 'string' },
  { name: 'facts', kind: 'string' },
];

export const COMMANDS: readonly CommandDef[] = [
  {
    name: 'check',
    summary: { nb: 'Kontroller regelfiler: syntaks, navn, hjemler, hull og motstrid', en: 'Check rule files: syntax, names, citations, gaps and conflicts' },
    usage: 'lovkode check [--strict] [--format text|json] [PATH …]',
    flags: [
      { name: 'strict', kind: 'boolean' },
      { name: 'format', kind: 'string', choices: ['text', 'json'] },
    ],
    help: {
      nb: `Leser regelfilene (med alt de importerer), kontrollerer dem og analyserer hele regelsettet.
Uten PATH brukes det medfølgende norske regelsettet (rules/main.lov). En mappe betyr alle .lov-filer i den.

Flagg:
  --strict          advarsler gir også exit-kode 1
  --format json     skriv diagnosene som JSON i stedet for tekst

Eksempler:
  lovkode check
  lovkode check rules/main.lov --strict
  lovkode check --format json mine-regler/

Exit-koder: 0 ingen feil, 1 feil (eller advarsler med --strict), 2 feil bruk.`,
      en: `Reads the rule files (and everything they import), checks them and analyses the whole pack.
Without PATH the bundled Norwegian pack (rules/main.lov) is used. A directory means all .lov files in it.

Flags:
  --strict          warnings also give exit code 1
  --format json     print the diagnostics as JSON instead of text

Examples:
  lovkode check
  lovkode check rules/main.lov --strict
  lovkode check --format json my-rules/

Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 wrong usage.`,
    },
    load: () => import('./check.ts'),
  },
  {
    name: 'test',
    summary: { nb: 'Kjør eksemplene (example) i regelfilene', en: 'Run the examples (example blocks) in the rule files' },
    usage: 'lovkode test [--coverage] [PATH …]',
    flags: [{ name: 'coverage', kind: 'boolean' }],
    help: {
      nb: `Kjører alle «example»-blokkene i regelsettet og viser ✓ eller ✗ for hvert eksempel, gruppert per fil.
Et eksempel som feiler, viser hva som var ventet og hva som kom ut.
Uten PATH brukes det medfølgende regelsettet (rules/main.lov).

Flagg:
  --coverage        vis også hvilke regler ingen eksempler avgjøres av, og hvilke betingelser
                    ingen eksempler viser både sanne og usanne

Eksempler:
  lovkode test
  lovkode test --coverage rules/main.lov

Exit-koder: 0 alle eksempler gikk bra, 1 minst ett feilet (eller regelfilene har feil), 2 feil bruk.`,
      en: `Runs every «example» block of the pack and shows ✓ or ✗ for each example, grouped by file.
A failing example shows what was expected and what came out.
Without PATH the bundled pack (rules/main.lov) is used.

Flags:
  --coverage        also list the rules no example is decided by, and the conditions no example
                    shows both true and false

Examples:
  lovkode test
  lovkode test --coverage rules/main.lov

Exit codes: 0 all examples passed, 1 at least one failed (or the rule files have errors), 2 wrong usage.`,
    },
    load: () => import('./test.ts'),
  },
  {
    name: 'fmt',
    summary: { nb: 'Formater regelfiler på standard måte', en: 'Format rule files the standard way' },
    usage: 'lovkode fmt [--check] [PATH …]',
    flags: [{ name: 'check', kind: 'boolean' }],
    help: {
      nb: `Skriver regelfilene om på standard form (kommentarer beholdes). En fil med syntaksfeil røres ikke;
feilene vises i stedet. Uten PATH formateres .lov-filene i det medfølgende regelsettet (rules/).

Flagg:
  --check           ikke skriv noe; list filene som ville blitt endret

Eksempler:
  lovkode fmt rules/
  lovkode fmt --check rules/main.lov

Exit-koder: 0 alt er formatert, 1 filer ville blitt endret (--check) eller har syntaksfeil, 2 feil bruk.`,
      en: `Rewrites the rule files in the standard form (comments are kept). A file with syntax errors is never
touched; its errors are shown instead. Without PATH the .lov files of the bundled pack (rules/) are formatted.

Flags:
  --check           write nothing; list the files that would change

Examples:
  lovkode fmt rules/
  lovkode fmt --check rules/main.lov

Exit codes: 0 everything is formatted, 1 files would change (--check) or have syntax errors, 2 wrong usage.`,
    },
    load: () => import('./fmt.ts'),
  },
  {
    name: 'decide',
    summary: { nb: 'Avgjør en situasjon og skriv svaret som JSON', en: 'Decide a situation and print the answer as JSON' },
    usage: "lovkode decide [--rules PATH] [--date YYYY-MM-DD] (--facts '{…}' | --batch | --csv | --receipt FILE)",
    flags: [...RULES_FLAGS, { name: 'batch', kind: 'boolean' }, { name: 'csv', kind: 'boolean' }, { name: 'receipt', kind: 'string' }],
    help: {
      nb: `Avgjør hva reglene sier om en situasjon, og skriver avgjørelsen som ett JSON-objekt:
{"outcome","obligations","reasons","citations","missing"}. Fakta som ikke er oppgitt, er ukjente;
er svaret ikke avgjort, er "outcome" null og "missing" lister faktaene som fortsatt kan endre det.

Flagg:
  --facts JSON      faktaene som ett JSON-objekt, f.eks. '{"channel":"email","hasConsent":true}'
  --batch           les ett JSON-objekt per linje fra stdin (NDJSON), skriv én JSON-linje per linje inn
  --csv             les CSV fra stdin: første rad er faktanavn, tom celle = ukjent, true/false for ja/nei
  --receipt FIL     avgjør en kvittering fra nettsiden på nytt (med datoen på kvitteringen);
                    exit-kode 1 hvis avgjørelsen nå er en annen
  --rules PATH      bruk disse regelfilene i stedet for det medfølgende regelsettet
  --date DATO       avgjør etter reglene som gjelder denne datoen (ÅÅÅÅ-MM-DD; standard: i dag)
  --lang nb|en      språk for tekstene i svaret

En linje som ikke kan avgjøres (ikke et JSON-objekt, ukjent faktum eller verdi), gir
{"error":{"code","message","field","choices","line"}} på sin linje, og resten kjøres videre.
En tom linje inn gir en tom linje ut, så linje n ut hører alltid til linje n inn.

Eksempler:
  lovkode decide --facts '{"channel":"email","recipientType":"private_person"}'
  lovkode decide --batch < situasjoner.ndjson > svar.ndjson
  lovkode decide --csv --lang en < situasjoner.csv

Exit-koder: 0 alt ble avgjort, 1 regelfilene har feil, 2 feil bruk eller minst én linje ble avvist.`,
      en: `Decides what the rules say about a situation and prints the decision as one JSON object:
{"outcome","obligations","reasons","citations","missing"}. Facts not given are unknown; when the answer
is not settled, "outcome" is null and "missing" lists the facts that can still change it.

Flags:
  --facts JSON      the facts as one JSON object, e.g. '{"channel":"email","hasConsent":true}'
  --batch           read one JSON object per line from stdin (NDJSON), print one JSON line per input line
  --csv             read CSV from stdin: the first row names the facts, empty cell = unknown, true/false for yes/no
  --receipt FILE    re-decide a receipt saved from the site (on the receipt's date);
                    exit code 1 when the decision is now different
  --rules PATH      use these rule files instead of the bundled pack
  --date DATE       decide by the rules in force on this date (YYYY-MM-DD; default: today)
  --lang nb|en      language of the texts in the answer

A line that cannot be decided (not a JSON object, unknown fact or value) gives
{"error":{"code","message","field","choices","line"}} on its line, and the rest goes on.
A blank input line gives a blank output line, so output line n always belongs to input line n.

Examples:
  lovkode decide --facts '{"channel":"email","recipientType":"private_person"}'
  lovkode decide --batch < situations.ndjson > answers.ndjson
  lovkode decide --csv --lang en < situations.csv

Exit codes: 0 everything was decided, 1 the rule files have errors, 2 wrong usage or a line was rejected.`,
    },
    load: () => import('./decide.ts'),
  },
  {
    name: 'explain',
    summary: { nb: 'Forklar en avgjørelse med vanlige ord', en: 'Explain a decision in plain words' },
    usage: "lovkode explain [--rules PATH] [--date YYYY-MM-DD] [--quote] --facts '{…}'",
    flags: [...RULES_FLAGS, { name: 'quote', kind: 'boolean' }],
    help: {
      nb: `Avgjør en situasjon som «decide», men skriver svaret som tekst for et menneske: svaret, hvorfor
(reglene med begrunnelse og hjemmel, med lenker), hva du må gjøre (pliktene som sjekkliste) og,
hvis svaret ikke er avgjort, hvilke spørsmål som gjenstår. Henvisninger som ikke er bekreftet mot
kilden, er merket «ikke verifisert».

Flagg:
  --facts JSON      faktaene som ett JSON-objekt
  --rules PATH      bruk disse regelfilene i stedet for det medfølgende regelsettet
  --date DATO       avgjør etter reglene som gjelder denne datoen (ÅÅÅÅ-MM-DD)
  --quote           skriv lovteksten (fra «statute» i regelfilene) under hver begrunnelse
  --lang nb|en      språk

Eksempel:
  lovkode explain --facts '{"channel":"email","recipientType":"private_person","hasConsent":false}'

Exit-koder: 0 forklart, 1 regelfilene har feil, 2 feil bruk eller ugyldige fakta.`,
      en: `Decides a situation like «decide», but prints the answer as text for a person: the answer, why
(the rules with their reasons and citations, with links), what you must do (the obligations as a
checklist) and, when the answer is not settled, which questions remain. Citations that have not been
verified against the source are marked "unverified".

Flags:
  --facts JSON      the facts as one JSON object
  --rules PATH      use these rule files instead of the bundled pack
  --date DATE       decide by the rules in force on this date (YYYY-MM-DD)
  --quote           print the statute text (from "statute" in the rule files) under each reason;
                    the law's text is in Norwegian
  --lang nb|en      language

Example:
  lovkode explain --lang en --facts '{"channel":"email","recipientType":"private_person","hasConsent":false}'

Exit codes: 0 explained, 1 the rule files have errors, 2 wrong usage or invalid facts.`,
    },
    load: () => import('./explain.ts'),
  },
  {
    name: 'ask',
    summary: { nb: 'Spørreskjemaet i terminalen: svar på spørsmålene og få svaret', en: 'The questionnaire in the terminal: answer the questions and get the answer' },
    usage: 'lovkode ask [--rules PATH] [--date YYYY-MM-DD] [--lang nb|en]',
    flags: [
      { name: 'rules', kind: 'string' },
      { name: 'date', kind: 'string' },
    ],
    help: {
      nb: `Stiller bare spørsmålene som fortsatt kan endre svaret, ett om gangen, med hjelpetekst. Svar med
tallet foran svaret; «?» viser hvilke regler spørsmålet kan avgjøre, «b» går tilbake, «q» avslutter.
Til slutt: svaret med begrunnelse og hjemmel, hva du må gjøre, hva som kan gjøre et nei til et ja,
og kommandoen som gir samme avgjørelse senere. Svarene leses linje for linje fra stdin.

Eksempler:
  lovkode ask
  printf '1\n1\n1\n' | lovkode ask --lang en

Exit-koder: 0 avgjort, 1 avsluttet før svaret var avgjort, 2 feil bruk.`,
      en: `Asks only the questions that can still change the answer, one at a time, with help text. Answer with
the number in front of the answer; «?» shows which rules the question can decide, «b» goes back, «q» quits.
At the end: the answer with reasons and citations, what you must do, what would turn a no into a yes,
and the command that gives the same decision later. Answers are read line by line from stdin.

Examples:
  lovkode ask
  printf '1\n1\n1\n' | lovkode ask --lang en

Exit codes: 0 settled, 1 stopped before the answer was settled, 2 wrong usage.`,
    },
    load: () => import('./ask.ts'),
  },
  {
    name: 'paths',
    summary: { nb: 'Mål spørreskjemaet: antall stier og spørsmål', en: 'Measure the questionnaire: number of paths and questions' },
    usage: 'lovkode paths [--rules PATH] [--date YYYY-MM-DD]',
    flags: [
      { name: 'rules', kind: 'string' },
      { name: 'date', kind: 'string' },
    ],
    help: {
      nb: `Teller de ulike veiene gjennom spørreskjemaet (svarrekker som avgjør saken), og viser gjennomsnittlig
og høyeste antall spørsmål per vei, og forventet antall når hvert svar er like sannsynlig; for hele
regelsettet og for hvert svar på første spørsmål.

Eksempel:
  lovkode paths --date 2026-01-01

Exit-koder: 0 ok, 1 regelfilene har feil, 2 feil bruk.`,
      en: `Counts the distinct paths through the questionnaire (sequences of answers that settle the case), and
shows the mean and largest number of questions per path, and the expected number when every answer is
equally likely; for the whole pack and for each answer to the first question.

Example:
  lovkode paths --date 2026-01-01

Exit codes: 0 ok, 1 the rule files have errors, 2 wrong usage.`,
    },
    load: () => import('./paths.ts'),
  },
  {
    name: 'diff',
    summary: { nb: 'Vis hvilke situasjoner som avgjøres annerledes i to versjoner', en: 'Show which situations two versions decide differently' },
    usage: 'lovkode diff [--limit N] [--json] OLD NEW',
    flags: [
      { name: 'limit', kind: 'string' },
      { name: 'json', kind: 'boolean' },
    ],
    help: {
      nb: `Sammenligner to versjoner av et regelsett (filer eller mapper) over alle kombinasjoner av fakta og alle
datoer, og lister hver situasjon som avgjøres annerledes, som en minste kombinasjon av fakta: fakta som
ikke er nevnt, spiller ingen rolle. Slik ser en jurist virkningen av en endring før den godkjennes.

Flagg:
  --limit N         vis høyst N situasjoner (standard 200)
  --json            skriv resultatet som JSON

Eksempel:
  lovkode diff gammel/rules/ rules/

Exit-koder: 0 sammenlignet (også når noe er endret), 1 regelfilene har feil, 2 feil bruk.`,
      en: `Compares two versions of a pack (files or folders) over every combination of facts and every date,
and lists each situation that is decided differently, as a smallest combination of facts: facts not
named do not matter. This is how a lawyer sees the effect of an edit before approving it.

Flags:
  --limit N         show at most N situations (default 200)
  --json            print the result as JSON

Example:
  lovkode diff old/rules/ rules/

Exit codes: 0 compared (also when something changed), 1 the rule files have errors, 2 wrong usage.`,
    },
    load: () => import('./diff.ts'),
  },
  {
    name: 'build',
    summary: { nb: 'Bygg regelsettet til en frittstående JS-modul med typer, eller til SQL', en: 'Build the pack into a standalone JS module with types, or into SQL' },
    usage: 'lovkode build [--rules PATH] [--out DIR] [--name NAME] [--target js|sql] [--date YYYY-MM-DD] [--table NAME] [--key COLUMN]',
    flags: [
      { name: 'rules', kind: 'string' },
      { name: 'out', kind: 'string' },
      { name: 'name', kind: 'string' },
      { name: 'target', kind: 'string', choices: ['js', 'sql'] },
      { name: 'date', kind: 'string' },
      { name: 'table', kind: 'string' },
      { name: 'key', kind: 'string' },
    ],
    help: {
      nb: `Kompilerer regelsettet (standard: det medfølgende) og skriver filene i --out (standard: lovkode-build/).

--target js (standard): NAME.mjs, en ES-modul uten avhengigheter som eksporterer decide(facts, options),
  nextQuestion(facts, options), whatWouldChange(facts, options), version og tables; NAME.d.ts med eksakte
  typer for faktaene; NAME.schema.json, et JSON Schema for faktaene.
--target sql: NAME.sql, én SELECT som avgjør hver rad i tabellen --table (standard contacts) med én kolonne
  per faktum (NULL = ukjent) og nøkkelkolonnen --key (standard id), etter reglene som gjelder --date
  (standard i dag). Kjører i PostgreSQL og DuckDB.

Eksempler:
  lovkode build --out lib --name no
  lovkode build --target sql --table kunder --key kundenr --out sql/

Exit-koder: 0 bygd, 1 regelfilene har feil, 2 feil bruk.`,
      en: `Compiles the pack (default: the bundled one) and writes the files into --out (default: lovkode-build/).

--target js (default): NAME.mjs, an ES module with no dependencies exporting decide(facts, options),
  nextQuestion(facts, options), whatWouldChange(facts, options), version and tables; NAME.d.ts with exact
  types for the facts; NAME.schema.json, a JSON Schema of the facts.
--target sql: NAME.sql, one SELECT that decides every row of the table --table (default contacts) with one
  column per fact (NULL = unknown) and the key column --key (default id), under the rules in force on --date
  (default today). Runs on PostgreSQL and DuckDB.

Examples:
  lovkode build --out lib --name no
  lovkode build --target sql --table customers --key customer_id --out sql/

Exit codes: 0 built, 1 the rule files have errors, 2 wrong usage.`,
    },
    load: () => import('./build.ts'),
  },
];

/** Finds a command by name. */
export function findCommand(name: string): CommandDef | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** The text of `lovkode --help`. */
export function topHelp(lang: Lang): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary[lang]}`);
  return lang === 'nb'
    ? `lovkode — markedsføringsrett som kode

Bruk: lovkode KOMMANDO [FLAGG] [ARGUMENTER]

Kommandoer:
${lines.join('\n')}

Flagg for alle kommandoer:
  --help, -h        vis hjelp (også «lovkode KOMMANDO --help»)
  --lang nb|en      språk for meldinger og svar (standard: nb)
  --version         vis versjonen

Exit-koder: 0 ok, 1 kommandoen fant problemer, 2 feil bruk eller avvist input, 3 intern feil.
`
    : `lovkode — marketing law as code

Usage: lovkode COMMAND [FLAGS] [ARGUMENTS]

Commands:
${lines.join('\n')}

Flags for every command:
  --help, -h        show help (also «lovkode COMMAND --help»)
  --lang nb|en      language of messages and answers (default: nb)
  --version         show the version

Exit codes: 0 ok, 1 the command found problems, 2 wrong usage or rejected input, 3 internal error.
`;
}

/** The text of `lovkode COMMAND --help`. */
export function commandHelp(cmd: CommandDef, lang: Lang): string {
  const usage = lang === 'nb' ? 'Bruk' : 'Usage';
  return `${usage}: ${cmd.usage}\n\n${cmd.summary[lang]}.\n\n${cmd.help[lang]}\n`;
}
