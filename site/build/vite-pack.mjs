// @ts-check
/**
 * Vite plugin: compiles the rule pack once per build (through tsx, as bin/lovkode.mjs does) and offers
 * the result as two virtual modules, so no compiler code and no rule file reaches the built server:
 *   virtual:lovkode/tables     — the full compiled tables (the on-demand questionnaire decides with them)
 *   virtual:lovkode/reference  — the rule reference (site/lib/reference-types.ts)
 *   virtual:lovkode/version    — the pack's version hash (what the footer and receipts name)
 */
import { tsImport } from 'tsx/esm/api';

const IDS = { 'virtual:lovkode/tables': 'tables', 'virtual:lovkode/reference': 'reference', 'virtual:lovkode/version': 'version' };

/** @type {Promise<{ tables: { version: string }, reference: unknown }> | undefined} */
let data;

/** The compiled pack's data, compiled once per build (the site server's bundle uses it too). */
export function loadPackData() {
  data ??= tsImport('./pack-data.ts', import.meta.url).then((mod) => mod.packData());
  return data;
}

/** The Vite plugin that serves the compiled rule pack as `virtual:lovkode/*` modules. */
export function lovkodePack() {
  const load = loadPackData;
  return {
    name: 'lovkode-pack',
    /** @param {string} id */
    resolveId(id) {
      return id in IDS ? `\0${id}` : undefined;
    },
    /** @param {string} id */
    async load(id) {
      const key = id.startsWith('\0') ? IDS[/** @type {keyof typeof IDS} */ (id.slice(1))] : undefined;
      if (!key) return undefined;
      const data = await load();
      const value = key === 'version' ? data.tables.version : data[/** @type {'tables' | 'reference'} */ (key)];
      return `export default ${JSON.stringify(value)};`;
    },
    // In `astro dev`, recompile when a rule file changes.
    /** @param {{ file: string, server: import('vite').ViteDevServer }} ctx */
    handleHotUpdate({ file, server }) {
      if (!file.endsWith('.lov')) return;
      data = undefined;
      for (const id of Object.keys(IDS)) {
        const mod = server.moduleGraph.getModuleById(`\0${id}`);
        if (mod) server.moduleGraph.invalidateModule(mod);
      }
      server.ws.send({ type: 'full-reload' });
    },
  };
}
