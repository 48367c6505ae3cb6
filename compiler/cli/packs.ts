/**
 * Finding rule files and compiling packs for the commands: the bundled pack (resolved from the
 * package, not the working directory), directories expanded to their .lov files, and compile errors
 * turned into rendered diagnostics plus exit code 1.
 */
import { readdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { CliError } from './args.ts';
import { EXIT, write } from './io.ts';
import type { Context } from './commands.ts';
import type { Pack } from '../pipeline.ts';
import { loadDefaultTables } from '../bundled.ts';
import type { Decider } from '../evaluate/index.ts';
import { renderAt } from './report.ts';
import { PACKAGE_ROOT } from '../root.ts';
import { confinedHost, rootOf } from '../load/confine.ts';
import type { LoadHost } from '../load/host-types.ts';

/** The folder of the bundled pack. */
export const DEFAULT_DIR = fileURLToPath(new URL('rules/', PACKAGE_ROOT));

async function lovFilesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') for (const f of await lovFilesUnder(path)) out.push(f);
    else if (entry.isFile() && entry.name.endsWith('.lov')) out.push(path);
  }
  return out.sort();
}

/**
 * Resolves command-line paths against the working directory; a directory becomes the .lov files
 * under it. Paths that do not exist are kept, so the loader can report them (LOV1005).
 */
export async function expandPaths(paths: readonly string[], ctx: Context): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(ctx.io.cwd, p);
    const info = await stat(abs).catch(() => undefined);
    if (info?.isDirectory()) {
      const files = await lovFilesUnder(abs);
      if (files.length === 0) {
        throw new CliError('E_NO_FILES', { nb: `Fant ingen .lov-filer i «${p}».`, en: `No .lov files found in “${p}”.` });
      }
      for (const f of files) out.push(f);
    } else out.push(abs);
  }
  return [...new Set(out)];
}

/**
 * The file host for a pack given by these command-line paths: rule files are read only inside the
 * pack's root folder — `--root DIR` when given, else the folder of each path (a folder is its own root).
 */
export function packHost(paths: readonly string[], root: string | undefined, ctx: Context): LoadHost {
  return confinedHost(root !== undefined ? [resolve(ctx.io.cwd, root)] : paths.map((p) => rootOf(resolve(ctx.io.cwd, p))));
}

/** What `decide` and `explain` decide with: `--rules` compiled, or the bundled pack's prebuilt tables. */
export async function packFor(rules: string | undefined, ctx: Context, root?: string): Promise<Decider> {
  if (rules === undefined) return { tables: await loadDefaultTables() };
  return compiledPack(rules, ctx, root);
}

/** Counts diagnostics by severity. */
export function tally(diagnostics: readonly { severity: string }[]): { errors: number; warnings: number } {
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

/** Compiles the pack given by `--rules`; rule errors are printed and end the command with exit 1. */
export async function compiledPack(rules: string, ctx: Context, root?: string): Promise<Pack> {
  const entries = await expandPaths([rules], ctx);
  const { compilePack } = await import('../pipeline.ts');
  // Examples are `test`'s business; a pack whose examples fail still decides.
  const result = compilePack(entries, { examples: false, host: packHost([rules], root, ctx) });
  if (!result.pack || tally(result.diagnostics).errors > 0) {
    await write(ctx.io.stderr, renderAt(result.diagnostics.filter((d) => d.severity === 'error'), result.texts, ctx.io, ctx.lang));
    throw new CliError(
      'E_RULES_INVALID',
      { nb: `Regelfilene «${rules}» har feil; kjør «lovkode check ${rules}».`, en: `The rule files “${rules}” have errors; run «lovkode check ${rules}».` },
      EXIT.failed,
    );
  }
  return result.pack;
}
