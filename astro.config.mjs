// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import { lovkodePack } from './site/build/vite-pack.mjs';
import { lovkodeServer } from './site/build/server-bundle.mjs';
import { lovShikiConfig } from './site/build/shiki-lov.mjs';
import { browserCompiler } from './site/build/browser-compiler.mjs';

export default defineConfig({
  // The Astro project lives in site/; rules/, compiler/ and test/ stay at the top level.
  srcDir: './site',
  publicDir: './site/public',
  // lovkodeServer() bundles the production server (server/site.ts) into dist/server/server.mjs.
  integrations: [mdx(), lovkodeServer()],
  // Every page is prerendered except the questionnaire and its receipt (`export const prerender = false`):
  // they are rendered per request so that the questionnaire works without JavaScript.
  output: 'static',
  // Standalone: dist/server/entry.mjs exports the handler that serves dist/client and the on-demand
  // routes; `node dist/server/server.mjs` runs it behind headers, compression and the web API.
  adapter: node({ mode: 'standalone' }),
  trailingSlash: 'always',
  // Bokmål is the default language at "/", English lives under "/en/".
  i18n: {
    defaultLocale: 'nb',
    locales: ['nb', 'en'],
    routing: { prefixDefaultLocale: false },
  },
  build: {
    format: 'directory',
    // The Content-Security-Policy forbids inline <style>/<script>: every stylesheet and script is a file.
    inlineStylesheets: 'never',
  },
  // Astro inlines client scripts smaller than this limit; 0 keeps them all as same-origin files.
  // The rule pack is compiled once per build and offered as virtual:lovkode/* modules.
  // Workers are ES modules, so the contact-list worker can load its CSV parser as a separate chunk;
  // the playground's worker bundles the compiler, without its one Node-only module.
  vite: { build: { assetsInlineLimit: 0 }, worker: { format: 'es', plugins: () => [browserCompiler()] }, plugins: [lovkodePack()] },
  // ```lov blocks are highlighted with the editor's TextMate grammar, as classes (no inline styles).
  markdown: { shikiConfig: lovShikiConfig },
  devToolbar: { enabled: false },
  prefetch: false,
});
