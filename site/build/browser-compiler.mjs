// @ts-check
/**
 * Vite plugin for the playground's worker, which bundles the compiler for the browser: the one
 * Node-only module on the compile path, compiler/generate/runtime-source.ts (it bundles the
 * generated modules' runtime with esbuild on first use), is replaced by a stub that says so. The
 * playground never generates a module (`toModule`), so the stub is never called; the package build
 * does the same with the prebuilt text (scripts/build.ts).
 */
const SOURCE = /[\\/]compiler[\\/]generate[\\/]runtime-source\.ts$/;

/** The Vite plugin that keeps esbuild and `node:*` out of a browser bundle of the compiler. */
export function browserCompiler() {
  return {
    name: 'lovkode-browser-compiler',
    /** @param {string} id */
    load(id) {
      if (!SOURCE.test(id)) return undefined;
      return "export function runtimeSource() { throw new Error('Generating a module is not available in the browser: use lovkode build.'); }";
    },
  };
}
