/**
 * Errors of the environment, not of lovkode: the reader closed the pipe, the disk is full, no
 * permission, a file or folder that is not there. Each gets its own code and exit status 4
 * (docs/cli.md, "Exit codes"), never E_INTERNAL.
 */
import type { Message } from '../diagnostics/types.ts';

/** The exit status of an error of the environment. */
export const EXIT_ENVIRONMENT = 4;

const KINDS: Record<string, { code: string; text: Message }> = {
  EPIPE: { code: 'E_PIPE', text: { nb: 'Mottakeren lukket utdataene før alt var skrevet; stoppet.', en: 'The reader closed the output before everything was written; stopped.' } },
  ENOSPC: { code: 'E_NO_SPACE', text: { nb: 'Disken er full; utdataene kunne ikke skrives.', en: 'The disk is full; the output could not be written.' } },
  EDQUOT: { code: 'E_NO_SPACE', text: { nb: 'Diskkvoten er brukt opp; utdataene kunne ikke skrives.', en: 'The disk quota is used up; the output could not be written.' } },
  EACCES: { code: 'E_ACCESS', text: { nb: 'Ingen tilgang (mangler rettigheter).', en: 'Permission denied.' } },
  EPERM: { code: 'E_ACCESS', text: { nb: 'Operasjonen er ikke tillatt.', en: 'The operation is not permitted.' } },
  EROFS: { code: 'E_ACCESS', text: { nb: 'Filsystemet er skrivebeskyttet.', en: 'The file system is read-only.' } },
  ENOENT: { code: 'E_NOT_FOUND', text: { nb: 'Filen eller mappen finnes ikke.', en: 'The file or folder does not exist.' } },
  ENOTDIR: { code: 'E_NOT_FOUND', text: { nb: 'En del av stien er ikke en mappe.', en: 'A part of the path is not a folder.' } },
  EISDIR: { code: 'E_IS_DIRECTORY', text: { nb: 'Dette er en mappe, ikke en fil.', en: 'This is a folder, not a file.' } },
  EIO: { code: 'E_IO', text: { nb: 'Lese- eller skrivefeil på enheten.', en: 'The device failed to read or write.' } },
  EMFILE: { code: 'E_TOO_MANY_FILES', text: { nb: 'For mange åpne filer.', en: 'Too many open files.' } },
  ENFILE: { code: 'E_TOO_MANY_FILES', text: { nb: 'For mange åpne filer i systemet.', en: 'Too many open files in the system.' } },
};

/** The code and message of an error of the environment, or undefined when `err` is something else. */
export function environmentError(err: unknown): { code: string; text: Message; path?: string } | undefined {
  const errno = (err as { code?: unknown } | null)?.code;
  if (typeof errno !== 'string') return undefined;
  const kind = KINDS[errno];
  if (!kind) return undefined;
  const path = (err as { path?: unknown }).path;
  return typeof path === 'string' ? { ...kind, path } : kind;
}

/** The one-line message `lovkode: CODE: text («path»)` for an error of the environment. */
export function environmentLine(env: { code: string; text: Message; path?: string }, lang: 'nb' | 'en'): string {
  const where = env.path ? (lang === 'nb' ? ` («${env.path}»)` : ` (“${env.path}”)`) : '';
  return `lovkode: ${env.code}: ${env.text[lang]}${where}\n`;
}
