/**
 * Manual review aid, not a test: full-page screenshots of every page type — including a question and a
 * result of each outcome — at phone (375 px) and desktop (1280 px) width, light and dark.
 * Usage: `npm run build && npx tsx test/e2e/screenshots.ts [outdir]`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { questionUrl, resultCases } from './cases.ts';
import { PAGES, e2eUnavailable, launchBrowser, newPage, startServer, stopServer } from './support.ts';

const out = process.argv[2] ?? '/tmp/lovkode-shots';
if (e2eUnavailable()) process.exit(1);
mkdirSync(out, { recursive: true });
const { server, base } = await startServer();
const browser = await launchBrowser();
const sizes = [
  { label: 'phone', viewport: { width: 375, height: 740 } },
  { label: 'desktop', viewport: { width: 1280, height: 800 } },
];
for (const size of sizes) {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await newPage(browser, { viewport: size.viewport, colorScheme: scheme });
    const results = Object.entries(resultCases()).flatMap(([outcome, c]) =>
      (['nb', 'en'] as const).map((lang) => ({ name: `result ${outcome} ${lang}`, url: questionUrl(base, lang, c.facts) })),
    );
    for (const p of [...PAGES.map((x) => ({ name: x.name, url: `${base}${x.path}` })), ...results]) {
      await page.goto(p.url);
      const name = `${p.name.replace(/\s+/g, '-')}-${size.label}-${scheme}.png`;
      await page.screenshot({ path: join(out, name), fullPage: true });
      // Phone pages are long: also save readable slices of one and a half screens each.
      if (size.label === 'phone' && scheme === 'light') {
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0, i = 1; y < height; y += 1100, i++) {
          const clip = { x: 0, y, width: size.viewport.width, height: Math.min(1100, height - y) };
          await page.screenshot({ path: join(out, name.replace('.png', `-part${i}.png`)), fullPage: true, clip });
        }
      }
    }
    await page.context().close();
  }
}
await browser.close();
await stopServer(server);
console.log(`screenshots written to ${out}`);
