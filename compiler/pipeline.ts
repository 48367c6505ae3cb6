/**
 * The compiler over the file system (Node only): `compilePack(paths)` reads the rule files through
 * the fs host and runs the same pipeline as `compile(sources)` (compile.ts). Every phase reports
 * diagnostics as data; nothing here throws on bad rule files.
 */
import { DEFAULT_RULES, nodeSha256 } from './bundled.ts';
import { compileWith, type CompileResult, type Pack } from './compile.ts';
import { confinedHost, rootOf, type LoadHost } from './load/index.ts';

export { DEFAULT_RULES, DEFAULT_LIB, loadDefaultTables } from './bundled.ts';
export type { Pack, CompileResult };

/** Compiles the rule files (files or folders) at `entries`: `compilePack(['rules/main.lov'])`. */
export function compilePack(entries: string[], options: { host?: LoadHost; analyse?: boolean; examples?: boolean } = {}): CompileResult {
  return compileWith(entries, options.host ?? confinedHost(entries.map(rootOf)), { ...options, sha256: nodeSha256 });
}

let defaultPack: Pack | undefined;

/** The bundled Norwegian pack, compiled once; throws only if the shipped rules themselves are broken. */
export function loadDefaultPack(): Pack {
  if (!defaultPack) {
    const result = compilePack([DEFAULT_RULES]);
    if (!result.pack) {
      const first = result.diagnostics.find((d) => d.severity === 'error');
      throw new Error(`The bundled rule pack does not compile: ${first?.code} ${first?.message.en} (${first?.range.file}:${first?.range.start.line})`);
    }
    defaultPack = result.pack;
  }
  return defaultPack;
}
