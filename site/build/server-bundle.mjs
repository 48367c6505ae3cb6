// @ts-check
/**
 * Astro integration: after `astro build`, bundles the site's production server (server/site.ts:
 * security headers, compression, 405s and the web API in front of the adapter's handler) into
 * dist/server/server.mjs with esbuild. The bundle decides with the same compiled tables as the
 * questionnaire (virtual:lovkode/tables) and imports the adapter's ./entry.mjs beside it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { loadPackData } from './vite-pack.mjs';

const ENTRY = fileURLToPath(new URL('../../server/site.ts', import.meta.url));
const PACKAGE = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

/** The integration that writes dist/server/server.mjs. */
export function lovkodeServer() {
  /** @type {URL | undefined} */
  let serverDir;
  return {
    name: 'lovkode-server',
    hooks: {
      /** @param {{ config: import('astro').AstroConfig }} options */
      'astro:config:done': ({ config }) => {
        serverDir = config.build.server;
      },
      /** @param {{ logger: import('astro').AstroIntegrationLogger }} options */
      'astro:build:done': async ({ logger }) => {
        if (!serverDir) return;
        const { tables } = await loadPackData();
        const outfile = fileURLToPath(new URL('server.mjs', serverDir));
        await build({
          entryPoints: [ENTRY],
          outfile,
          bundle: true,
          platform: 'node',
          format: 'esm',
          target: 'node20',
          external: ['./entry.mjs'],
          define: { LOVKODE_PACKAGE_VERSION: JSON.stringify(PACKAGE.version) },
          legalComments: 'none',
          logLevel: 'warning',
          plugins: [
            {
              name: 'lovkode-tables',
              setup(b) {
                b.onResolve({ filter: /^virtual:lovkode\/tables$/ }, () => ({ path: 'tables', namespace: 'lovkode' }));
                b.onLoad({ filter: /.*/, namespace: 'lovkode' }, () => ({ contents: JSON.stringify(tables), loader: 'json' }));
              },
            },
          ],
        });
        logger.info(`production server written to ${outfile} (run: node ${outfile})`);
      },
    },
  };
}
