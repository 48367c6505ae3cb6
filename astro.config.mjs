// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  // The Astro project lives in site/; rules/, compiler/ and test/ stay at the top level.
  srcDir: './site',
  publicDir: './site/public',
  integrations: [mdx()],
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
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  prefetch: false,
});
