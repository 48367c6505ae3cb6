// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  // The Astro project lives in site/; rules/, compiler/ and test/ stay at the top level.
  srcDir: './site',
  integrations: [mdx()],
});
