/**
 * Bundles module-runtime.ts into the text that generated modules embed. Node and development only
 * (esbuild is a dev dependency): the package build runs this once and writes the text into the
 * built runtime-source module, so the published compiler never calls esbuild.
 */
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

/** The runtime entry that generated modules embed. */
export const RUNTIME_ENTRY = fileURLToPath(new URL('./module-runtime.ts', import.meta.url));

/**
 * The runtime as one expression statement, `const runtime = (() => { …; return { name: local, … }; })();`:
 * the bundle's own names stay private, and calls are plain property reads of one object.
 */
export function bundleRuntime(): string {
  const out = buildSync({ entryPoints: [RUNTIME_ENTRY], bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', write: false, legalComments: 'none' });
  const code = out.outputFiles[0]!.text;
  const clause = /\nexport\s*\{([^}]*)\};\s*$/.exec(code);
  if (!clause) throw new Error('runtime bundle: no export clause at the end');
  const exported = clause[1]!
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const [local, name = local] = s.split(/\s+as\s+/);
      return `${name}: ${local}`;
    });
  return `const runtime = (() => {\n${code.slice(0, clause.index)}\nreturn { ${exported.join(', ')} };\n})();\n`;
}
