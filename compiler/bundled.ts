/**
 * The bundled Norwegian pack: where its rules are, and its tables loaded fast. `npm ci` and
 * `npm test` build lib/no.mjs (`lovkode/no`) from the rules; when it was built from exactly the
 * rules on disk its tables are used as they are, and only otherwise is the pack compiled.
 * This module stays light (no parser, no compiler) so that `lovkode decide` starts quickly.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { packVersion } from './ir/version.ts';
import type { Tables } from './runtime/tables.ts';
import { PACKAGE_ROOT } from './root.ts';

/** The path of the bundled Norwegian rule pack's entry file. */
export const DEFAULT_RULES = fileURLToPath(new URL('rules/main.lov', PACKAGE_ROOT));

/** The prebuilt module of the bundled pack (`npm run build:lib`), exported as `lovkode/no`. */
export const DEFAULT_LIB = fileURLToPath(new URL('lib/no.mjs', PACKAGE_ROOT));

/** SHA-256 by Node's crypto, hex: the same hash as the pure-JS one the browser uses, only faster. */
export function nodeSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The texts of every .lov file under a folder, for the pack version. */
function lovTexts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.lov'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** The bundled pack's tables: the prebuilt lib/no.mjs when it was built from exactly these rules, else compiled now. */
export async function loadDefaultTables(): Promise<Tables> {
  const version = packVersion(lovTexts(dirname(DEFAULT_RULES)), nodeSha256);
  if (existsSync(DEFAULT_LIB)) {
    const lib = (await import(pathToFileURL(DEFAULT_LIB).href)) as { version: string; tables: Tables };
    if (lib.version === version) return lib.tables;
  }
  const { loadDefaultPack } = await import('./pipeline.ts');
  return loadDefaultPack().tables;
}
