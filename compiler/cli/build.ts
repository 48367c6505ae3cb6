/**
 * `lovkode build`: compiles a pack to a standalone ES module with exact types and a JSON Schema
 * (`--target js`), or to one SQL query that decides a table of facts (`--target sql`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { stringFlag, type ParsedArgs } from './args.ts';
import type { Context } from './commands.ts';
import { dateFlag } from './input.ts';
import { EXIT, write } from './io.ts';
import { compiledPack } from './packs.ts';
import { artifacts } from '../generate/index.ts';
import { DEFAULT_RULES } from '../pipeline.ts';
import { today } from '../runtime/engine.ts';

/**
 * Creates a folder and its missing parents one at a time (`mkdir -p`). Node's recursive mkdir
 * never returns on some paths (under /proc); this fails with the first error instead.
 */
async function makeDir(path: string): Promise<void> {
  try {
    await mkdir(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || dirname(path) === path) throw err;
    await makeDir(dirname(path));
    await mkdir(path).catch((again: NodeJS.ErrnoException) => {
      if (again.code !== 'EEXIST') throw again;
    });
  }
}

/** Runs `build`. */
export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  const rules = stringFlag(args, 'rules');
  const pack = await compiledPack(rules ?? DEFAULT_RULES, ctx, stringFlag(args, 'root'));
  const target = (stringFlag(args, 'target') ?? 'js') as 'js' | 'sql';
  const name = stringFlag(args, 'name') ?? (rules === undefined ? 'no' : basename(rules).replace(/\.lov$/, '') || 'pack');
  const out = resolve(ctx.io.cwd, stringFlag(args, 'out') ?? 'lovkode-build');
  const date = dateFlag(args) ?? today();
  const files = artifacts(pack.tables, {
    target,
    name,
    sql: { date, table: stringFlag(args, 'table') ?? 'contacts', key: stringFlag(args, 'key') ?? 'id' },
  });
  await makeDir(out);
  const lines: string[] = [];
  for (const [file, text] of files) {
    await writeFile(join(out, file), text);
    lines.push(`  ${join(out, file)}  ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`);
  }
  const head = ctx.lang === 'nb' ? `Regelsett ${pack.tables.version} bygd (${target}):` : `Built rule pack ${pack.tables.version} (${target}):`;
  await write(ctx.io.stdout, `${head}\n${lines.join('\n')}\n`);
  return EXIT.ok;
}
