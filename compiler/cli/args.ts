/**
 * Command-line parsing: flags declared per command, `--flag value` and `--flag=value`, `--` ends the
 * flags. Mistakes become a `CliError` with a stable code and the valid choices (exit code 2).
 */
import type { Lang } from '../evaluate/types.ts';
import type { Message } from '../diagnostics/types.ts';
import { EXIT } from './io.ts';
import { didYouMean, suggestionHint } from '../diagnostics/suggest.ts';

/** A flag a command accepts. */
export interface FlagSpec {
  name: string;
  /** `string` flags take a value; `boolean` flags do not. */
  kind: 'string' | 'boolean';
  /** When set, the value must be one of these. */
  choices?: readonly string[];
  /** A one-letter alias, e.g. `h` for `--help`. */
  short?: string;
}

/** Flags every command accepts. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'help', kind: 'boolean', short: 'h' },
  { name: 'lang', kind: 'string', choices: ['nb', 'en'] },
];

export interface ParsedArgs {
  flags: Map<string, string | true>;
  positionals: string[];
}

/** A user error: printed as one line `lovkode: CODE: message`, never with a stack trace. */
export class CliError extends Error {
  readonly code: string;
  readonly text: Message;
  readonly exitCode: number;
  constructor(code: string, text: Message, exitCode: number = EXIT.usage) {
    super(`${code}: ${text.en}`);
    this.code = code;
    this.text = text;
    this.exitCode = exitCode;
  }
}

/** Formats a list of choices for a message: «a», «b» or “a”, “b”. */
export function listChoices(choices: readonly string[], lang: Lang): string {
  return choices.map((c) => (lang === 'nb' ? `«${c}»` : `“${c}”`)).join(', ');
}

function flagNames(specs: readonly FlagSpec[]): string[] {
  return specs.map((s) => `--${s.name}`);
}

/** Parses `argv` (without the command name) against the command's flags plus the global ones. */
export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const all = [...GLOBAL_FLAGS, ...specs];
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      for (const item of argv.slice(i + 1)) positionals.push(item);
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const eq = arg.indexOf('=');
    const key = long ? arg.slice(2, eq === -1 ? undefined : eq) : arg.slice(1);
    const spec = all.find((s) => (long ? s.name === key : s.short === key));
    if (!spec) throw unknownFlag(arg, all);
    if (spec.kind === 'boolean') {
      if (long && eq !== -1) {
        throw new CliError('E_BAD_FLAG_VALUE', {
          nb: `--${spec.name} tar ingen verdi.`,
          en: `--${spec.name} takes no value.`,
        });
      }
      flags.set(spec.name, true);
      continue;
    }
    let value: string | undefined;
    if (long && eq !== -1) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    if (value === undefined) {
      throw new CliError('E_MISSING_VALUE', {
        nb: `--${spec.name} trenger en verdi${spec.choices ? `: ${listChoices(spec.choices, 'nb')}` : ''}.`,
        en: `--${spec.name} needs a value${spec.choices ? `: ${listChoices(spec.choices, 'en')}` : ''}.`,
      });
    }
    if (spec.choices && !spec.choices.includes(value)) {
      throw new CliError('E_BAD_FLAG_VALUE', {
        nb: `Ugyldig verdi «${value}» for --${spec.name}. Gyldige verdier: ${listChoices(spec.choices, 'nb')}.`,
        en: `Invalid value “${value}” for --${spec.name}. Valid values: ${listChoices(spec.choices, 'en')}.`,
      });
    }
    flags.set(spec.name, value);
  }
  return { flags, positionals };
}

function unknownFlag(arg: string, specs: readonly FlagSpec[]): CliError {
  const names = flagNames(specs);
  const hint = suggestionHint(didYouMean(arg.split('=')[0]!, names));
  return new CliError('E_UNKNOWN_FLAG', {
    nb: `Ukjent flagg «${arg}».${hint ? ` ${hint.nb}` : ''} Gyldige flagg her: ${names.join(', ')}.`,
    en: `Unknown flag “${arg}”.${hint ? ` ${hint.en}` : ''} Valid flags here: ${names.join(', ')}.`,
  });
}

/** Finds `--lang` before full parsing, so that even errors about the command line use it. */
export function sniffLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value === 'nb' || value === 'en') return value;
  }
  return 'nb';
}

/** The value of a string flag, if given. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** Whether a boolean flag was given. */
export function boolFlag(args: ParsedArgs, name: string): boolean {
  return args.flags.get(name) === true;
}
