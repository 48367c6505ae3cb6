/**
 * The `lovkode` command line. `run(argv, io)` parses the command line, runs one command from the
 * table in commands.ts and returns the exit code; it never throws. `main()` wires it to the process.
 */
import { readFileSync } from 'node:fs';
import type { Lang } from '../evaluate/types.ts';
import { CliError, GLOBAL_FLAGS, listChoices, parseArgs, sniffLang } from './args.ts';
import { COMMANDS, commandHelp, findCommand, topHelp } from './commands.ts';
import { EXIT, write, type CliIO } from './io.ts';
import { processFiles } from './files.ts';
import { didYouMean, suggestionHint } from '../diagnostics/suggest.ts';
import { PACKAGE_ROOT } from '../root.ts';
import { environmentError, environmentLine, EXIT_ENVIRONMENT } from './environment.ts';

/** Runs the CLI with these arguments (without `node` and the script) and returns the exit code. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const lang = sniffLang(argv);
  try {
    return await dispatch(argv, io, lang);
  } catch (err) {
    return report(err, io, lang);
  }
}

async function dispatch(argv: readonly string[], io: CliIO, lang: Lang): Promise<number> {
  const index = commandIndex(argv);
  if (index === -1) {
    const leading = parseArgs(argv, [{ name: 'version', kind: 'boolean' }]);
    if (leading.flags.has('version')) {
      await write(io.stdout, `lovkode ${version()}\n`);
      return EXIT.ok;
    }
    await write(leading.flags.has('help') ? io.stdout : io.stderr, topHelp(lang));
    return leading.flags.has('help') ? EXIT.ok : EXIT.usage;
  }
  const name = argv[index]!;
  const cmd = findCommand(name);
  if (!cmd) throw unknownCommand(name);
  const args = parseArgs([...argv.slice(0, index), ...argv.slice(index + 1)], cmd.flags);
  if (args.flags.has('help')) {
    await write(io.stdout, commandHelp(cmd, lang));
    return EXIT.ok;
  }
  const { run: runCommand } = await cmd.load();
  return runCommand(args, { io, lang });
}

/** Where the command name is: the first argument that is not a global flag or its value. */
function commandIndex(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--lang') i++;
    else if (!arg.startsWith('-')) return i;
    else if (!GLOBAL_FLAGS.some((f) => arg === `--${f.name}` || arg.startsWith(`--${f.name}=`) || arg === `-${f.short}`) && arg !== '--version') {
      // An unknown flag before any command: parseArgs reports it with the valid choices.
      return -1;
    }
  }
  return -1;
}

function unknownCommand(name: string): CliError {
  const names = COMMANDS.map((c) => c.name);
  const hint = suggestionHint(didYouMean(name, names));
  return new CliError('E_UNKNOWN_COMMAND', {
    nb: `Ukjent kommando «${name}».${hint ? ` ${hint.nb}` : ''} Gyldige kommandoer: ${listChoices(names, 'nb')}.`,
    en: `Unknown command “${name}”.${hint ? ` ${hint.en}` : ''} Valid commands: ${listChoices(names, 'en')}.`,
  });
}

/** Set once an error of the environment has been reported, so it is said only once. */
let reportedEnvironment = false;

async function report(err: unknown, io: CliIO, lang: Lang): Promise<number> {
  if (err instanceof CliError) {
    await write(io.stderr, `lovkode: ${err.code}: ${err.text[lang]}\n`);
    return err.exitCode;
  }
  const env = environmentError(err);
  if (env) {
    if (!reportedEnvironment) await write(io.stderr, environmentLine(env, lang)).catch(() => undefined);
    reportedEnvironment = true;
    return EXIT_ENVIRONMENT;
  }
  const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
  const hint =
    lang === 'nb'
      ? 'Dette er en feil i lovkode. Meld den gjerne, med kommandoen du kjørte (LOVKODE_DEBUG=1 viser detaljer).'
      : 'This is a bug in lovkode. Please report it with the command you ran (LOVKODE_DEBUG=1 shows details).';
  await write(io.stderr, `lovkode: E_INTERNAL: ${detail}\n${hint}\n`);
  if (process.env.LOVKODE_DEBUG && err instanceof Error && err.stack) await write(io.stderr, `${err.stack}\n`);
  return EXIT.internal;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs the CLI on this process's arguments and streams; resolves to the exit code. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  // An error on stdout (a closed pipe, a full disk) stops the command: the next write fails with it
  // and run() reports it. One that comes after the last write is reported here.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    const env = environmentError(err);
    if (!reportedEnvironment) process.stderr.write(env ? environmentLine(env, sniffLang(argv)) : `lovkode: E_INTERNAL: ${err.message}\n`);
    reportedEnvironment = true;
    process.exitCode = env ? EXIT_ENVIRONMENT : EXIT.internal;
  });
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  return run(argv, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), color, files: processFiles() });
}
