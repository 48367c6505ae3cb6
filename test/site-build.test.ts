/**
 * Checks on the built site (run after `astro build`): every prerendered page in dist/client has a
 * language, a title, the Content-Security-Policy and a working language switch; nothing is loaded from
 * another origin; no inline code the CSP would block; every internal link resolves, to a built file or
 * to a route the server renders on demand; the questionnaire's browser script stays small.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = join('dist', 'client');
const SERVER_PAGES = join('dist', 'server', 'pages');
const built = existsSync(join(DIST, 'index.html'));
if (!built) console.warn('[site-build] dist/client/index.html not found (run: npm run build) -- skipping built-site checks');

/** Routes the server renders per request (the questionnaire and its receipts), with their built module. */
const ON_DEMAND: Record<string, string> = {
  '/sporsmal/': 'sporsmal.astro.mjs',
  '/en/question/': 'en/question.astro.mjs',
  '/sporsmal/kvittering.json': 'sporsmal/kvittering.json.astro.mjs',
  '/en/question/receipt.json': 'en/question/receipt.json.astro.mjs',
};

/** The questionnaire's browser script may not grow past this (gzipped bytes, with every chunk it imports). */
const SCRIPT_BUDGET = 15 * 1024;
/**
 * The contact-list page's script and its worker in one language, with everything they bundle (the
 * engine's decide-by-restriction, «why we ask» and «what would change it», the questionnaire's question
 * renderer and texts, the English citation forms in English; not a screen's markup or the statute
 * texts, which step.ts makes for the questionnaire): issue 14's goal, the same budget as the
 * questionnaire's. Measured 15,098 (bokmål) and 15,558 (English) bytes on 2026-12-02.
 * Not counted: the rule tables (fetched JSON, shared with the questionnaire) and papaparse (its own chunk).
 */
const LIST_BUDGET = SCRIPT_BUDGET;
/** The playground's page script (editor, share link, panels); its compiler is in a worker of its own. */
const PLAYGROUND_BUDGET = 6 * 1024;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** URL path of a built HTML file: dist/en/guides/index.html -> /en/guides/, dist/404.html -> /404.html. */
function urlOf(file: string): string {
  const rel = relative(DIST, file).split(sep).join('/');
  return rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
}

/** The file in dist/ a site path resolves to, or null. */
function resolvePath(path: string): string | null {
  const clean = decodeURIComponent(path.split(/[?#]/)[0] ?? '');
  const full = join(DIST, clean);
  for (const c of [full, join(full, 'index.html')]) if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

type Tag = { name: string; attrs: Record<string, string>; raw: string };

/** Start tags of the given element names with their attributes (the HTML is Astro's own output). */
function tags(html: string, names: string[]): Tag[] {
  const re = new RegExp(`<(${names.join('|')})\\b([^>]*)>`, 'gi');
  return [...html.matchAll(re)].map((m) => {
    const attrs: Record<string, string> = {};
    for (const a of (m[2] ?? '').matchAll(/([^\s=/>]+)(?:="([^"]*)"|='([^']*)'|=([^\s>]+))?/g)) {
      attrs[(a[1] ?? '').toLowerCase()] = (a[2] ?? a[3] ?? a[4] ?? '').replace(/&amp;/g, '&');
    }
    return { name: (m[1] ?? '').toLowerCase(), attrs, raw: m[0] };
  });
}

const files = built ? walk(DIST) : [];
const pages = files.filter((f) => f.endsWith('.html')).map((file) => ({ file, url: urlOf(file), html: readFileSync(file, 'utf8') }));

describe.skipIf(!built)('built site (dist/)', () => {
  it('has the expected pages in both languages', () => {
    const urls = pages.map((p) => p.url);
    for (const u of ['/', '/en/', '/veiledning/', '/en/guides/', '/personvern/', '/en/privacy/', '/regler/', '/en/rules/', '/en/404/', '/om/', '/en/about/', '/endringer/', '/en/changes/', '/regler/elektronisk/', '/en/rules/electronic/', '/regler/prov/', '/en/rules/try/']) {
      expect(urls).toContain(u);
    }
    const nbGuides = urls.filter((u) => /^\/veiledning\/[^/]+\/$/.test(u));
    const enGuides = urls.filter((u) => /^\/en\/guides\/[^/]+\/$/.test(u));
    expect(nbGuides.length).toBeGreaterThanOrEqual(7);
    expect(enGuides.length).toBe(nbGuides.length);
  });

  for (const page of pages) {
    describe(page.url, () => {
      const lang = page.url.startsWith('/en/') ? 'en' : 'nb';

      it(`declares <html lang="${lang}">, a title and a description`, () => {
        expect(tags(page.html, ['html'])[0]?.attrs.lang).toBe(lang);
        expect(page.html).toMatch(/<title>[^<]{3,}<\/title>/);
        expect(tags(page.html, ['meta']).some((t) => t.attrs.name === 'description' && t.attrs.content)).toBe(true);
      });

      it('carries the Content-Security-Policy and breaks none of it', () => {
        const csp = tags(page.html, ['meta']).find((t) => t.attrs['http-equiv']?.toLowerCase() === 'content-security-policy');
        expect(csp?.attrs.content).toContain("default-src 'self'");
        expect(csp?.attrs.content).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
        // CSP in a <meta> only applies to what comes after it.
        expect(page.html.indexOf('Content-Security-Policy')).toBeLessThan(page.html.search(/<(link|script|style)\b/i));
        const inlineScripts = tags(page.html, ['script']).filter(
          (t) => !t.attrs.src && !/^application\/(ld\+)?json$/.test(t.attrs.type ?? ''),
        );
        expect(inlineScripts.map((t) => t.raw)).toEqual([]);
        expect(tags(page.html, ['style']).map((t) => t.raw)).toEqual([]);
        expect(page.html).not.toMatch(/\sstyle="/i);
        expect(page.html).not.toMatch(/\son[a-z]+="/i);
      });

      it('has one language switch to an existing page in the other language', () => {
        const switches = tags(page.html, ['a']).filter((t) => 'data-lang-switch' in t.attrs);
        expect(switches).toHaveLength(1);
        const href = switches[0]?.attrs.href ?? '';
        const target = resolvePath(href);
        expect(target, `language switch ${href}`).not.toBeNull();
        const other = lang === 'nb' ? 'en' : 'nb';
        expect(switches[0]?.attrs.hreflang).toBe(other);
        expect(tags(readFileSync(target as string, 'utf8'), ['html'])[0]?.attrs.lang).toBe(other);
      });

      it('loads nothing from another origin', () => {
        const loaders = tags(page.html, ['script', 'link', 'img', 'iframe', 'source', 'video', 'audio', 'embed', 'object']);
        const external = loaders
          .flatMap((t) => [t.attrs.src, t.attrs.href, t.attrs.data, t.attrs.srcset])
          .filter((u): u is string => !!u && /^(https?:)?\/\//i.test(u));
        expect(external).toEqual([]);
      });

      it('has internal links and assets that resolve', () => {
        const broken: string[] = [];
        for (const t of tags(page.html, ['a', 'link', 'script', 'img'])) {
          const url = t.attrs.href ?? t.attrs.src;
          if (!url || /^(https?:|mailto:|tel:|data:)/i.test(url)) continue; // data: URLs are inline, not links
          if (url.startsWith('#')) {
            if (url.length > 1 && !page.html.includes(`id="${url.slice(1)}"`)) broken.push(url);
            continue;
          }
          const path = url.split(/[?#]/)[0] as string;
          if (resolvePath(path)) continue;
          if (path in ON_DEMAND) continue;
          broken.push(url);
        }
        expect(broken).toEqual([]);
      });
    });
  }

  it('stylesheets import nothing from another origin', () => {
    for (const css of files.filter((f) => f.endsWith('.css'))) {
      const text = readFileSync(css, 'utf8');
      expect(text, css).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//i);
    }
  });

  for (const [route, module] of Object.entries(ON_DEMAND)) {
    it(`on-demand route ${route} is in the built server and not prerendered`, () => {
      expect(existsSync(join(SERVER_PAGES, module))).toBe(true);
      expect(resolvePath(route)).toBeNull();
    });
  }

  it('the rule reference has an anchor for every rule and obligation, on the page of its area, listed on the front page', () => {
    const tables = JSON.parse(readFileSync(join(DIST, 'regler', 'tabeller.json'), 'utf8')) as {
      rules: { id: string }[];
      obligations: { code: string }[];
    };
    for (const url of ['/regler/', '/en/rules/']) {
      const areaPages = pages.filter((p) => p.url.startsWith(url) && p.url !== url);
      expect(areaPages.length, url).toBeGreaterThanOrEqual(5);
      const html = areaPages.map((p) => p.html).join('\n');
      const ids = [...tables.rules.map((r) => r.id), ...tables.obligations.map((o) => o.code)];
      expect(ids.filter((id) => !html.includes(`id="${id}"`)), url).toEqual([]);
      const index = pages.find((p) => p.url === url)?.html ?? '';
      expect(ids.filter((id) => !index.includes(`#${encodeURIComponent(id)}"`)), `${url} list`).toEqual([]);
      // Areas are named by their title, never by the rule file.
      for (const p of [...areaPages, pages.find((q) => q.url === url)!]) expect(p.html, p.url).not.toMatch(/rules\/[a-z]+\.lov|\b[a-z]+\.lov\b/);
    }
  });

  it('every footer says when the law was last compared with Lovdata, from rules/CHANGELOG.md, and links to the changes', () => {
    const m = /^Sist kontrollert mot Lovdata \/ Last compared with Lovdata: (\d{4})-(\d{2})-(\d{2})\s*$/m.exec(readFileSync('rules/CHANGELOG.md', 'utf8'));
    expect(m).not.toBeNull();
    const [, y, mo, d] = m!;
    const month = Number(mo) - 1;
    const nbText = `Sist kontrollert mot Lovdata: ${Number(d)}. ${['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'][month]} ${y}`;
    const enText = `Last compared with Lovdata: ${Number(d)} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month]} ${y}`;
    for (const page of pages) {
      const footer = page.html.slice(page.html.indexOf('<footer'));
      const text = footer.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
      expect(text, page.url).toContain(page.url.startsWith('/en/') ? enText : nbText);
      expect(footer, page.url).toContain(page.url.startsWith('/en/') ? 'href="/en/changes/"' : 'href="/endringer/"');
      expect(footer, page.url).not.toMatch(/\b[0-9a-f]{16}\b/);
    }
  });

  it(`the questionnaire's browser script is under ${SCRIPT_BUDGET / 1024} KB gzipped`, () => {
    // The server module of the questionnaire names the script it loads; follow its static imports.
    const serverFiles = walk(join('dist', 'server'));
    const entries = new Set<string>();
    for (const f of serverFiles.filter((x) => x.endsWith('.mjs'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\/_astro\/(Questionnaire[^"'\s]*\.js)/g)) entries.add(join(DIST, '_astro', m[1]!));
    }
    expect(entries.size).toBe(1);
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) visit(join(dirname(file), m[1]!));
    };
    for (const e of entries) visit(e);
    const gz = [...seen].reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
    console.log(`[site-build] questionnaire script: ${seen.size} file(s), ${gz} bytes gzipped`);
    expect(gz).toBeLessThan(SCRIPT_BUDGET);
    // The browser never gets the parser: no Chevrotain in the questionnaire's script.
    for (const f of seen) expect(readFileSync(f, 'utf8')).not.toMatch(/chevrotain|createToken|EmbeddedActionsParser/i);
  });

  it(`the contact-list page's own script and worker are under ${LIST_BUDGET / 1024} KB gzipped per language (tables and CSV parser apart), and load only there`, () => {
    const astro = walk(join(DIST, '_astro'));
    const gz = (f: string) => gzipSync(readFileSync(f), { level: 9 }).length;
    const script = astro.filter((f) => /ListCheck[^/]*\.js$/.test(f));
    expect(script).toHaveLength(1);
    const main = readFileSync(script[0]!, 'utf8');
    // The page script imports nothing else and names one worker per language.
    expect(main).not.toMatch(/(?:from|import)\s*\(?\s*["']\.{1,2}\//);
    const parser = astro.filter((f) => /papaparse[^/]*\.js$/.test(f));
    expect(parser).toHaveLength(1);
    for (const lang of ['nb', 'en']) {
      const worker = astro.find((f) => new RegExp(`list-worker-${lang}[^/]*\\.js$`).test(f))!;
      expect(main).toContain(worker.split(sep).at(-1));
      const imports = [...readFileSync(worker, 'utf8').matchAll(/import\(\s*["']\.\/([^"']+\.js)["']/g)].map((m) => m[1]!);
      // The worker's only chunk of its own is the CSV parser.
      expect(imports.map((i) => join(DIST, '_astro', i))).toEqual(parser);
      const total = gz(script[0]!) + gz(worker);
      console.log(`[site-build] contact-list page (${lang}): script + worker ${total} bytes gzipped; CSV parser ${gz(parser[0]!)} bytes`);
      expect(total).toBeLessThan(LIST_BUDGET);
      expect(readFileSync(worker, 'utf8')).not.toMatch(/chevrotain|createToken|EmbeddedActionsParser/i);
    }
    // No other page loads the tool's script.
    for (const page of pages.filter((p) => !/\/(sjekk-liste|check-list)\/$/.test(p.url))) expect(page.html).not.toContain('ListCheck');
  });

  it(`the playground's page script is under ${PLAYGROUND_BUDGET / 1024} KB gzipped, the compiler is in its worker, and no other page loads either`, () => {
    const astro = walk(join(DIST, '_astro'));
    const gz = (f: string) => gzipSync(readFileSync(f), { level: 9 }).length;
    const script = astro.filter((f) => /Playground[^/]*\.js$/.test(f));
    const worker = astro.filter((f) => /playground-worker[^/]*\.js$/.test(f));
    expect(script).toHaveLength(1);
    expect(worker).toHaveLength(1);
    const main = readFileSync(script[0]!, 'utf8');
    // The page script imports nothing and names the worker; the compiler (Chevrotain and all) is in the worker only.
    expect(main).not.toMatch(/(?:from|import)\s*\(?\s*["']\.{1,2}\//);
    expect(main).toContain(worker[0]!.split(sep).at(-1));
    expect(main).not.toMatch(/chevrotain|EmbeddedActionsParser/i);
    expect(readFileSync(worker[0]!, 'utf8')).toMatch(/chevrotain|EmbeddedActionsParser/i);
    console.log(`[site-build] playground: page script ${gz(script[0]!)} bytes gzipped; worker (compiler and the published rule files) ${gz(worker[0]!)} bytes gzipped`);
    expect(gz(script[0]!)).toBeLessThan(PLAYGROUND_BUDGET);
    // Every other page, with every script it loads and their static imports, names neither and carries no parser.
    const playgroundUrls = ['/regler/prov/', '/en/rules/try/'];
    for (const page of pages.filter((p) => !playgroundUrls.includes(p.url))) {
      expect(page.html, page.url).not.toMatch(/Playground|playground-worker/);
      for (const t of tags(page.html, ['link'])) if (t.attrs.rel === 'stylesheet' && t.attrs.href?.startsWith('/')) expect(readFileSync(join(DIST, t.attrs.href), 'utf8'), `${page.url}: ${t.attrs.href}`).not.toContain('.pg-editor');
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file) || !existsSync(file)) return;
        seen.add(file);
        for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) visit(join(dirname(file), m[1]!));
      };
      for (const t of tags(page.html, ['script'])) if (t.attrs.src?.startsWith('/')) visit(join(DIST, t.attrs.src));
      for (const f of seen) expect(readFileSync(f, 'utf8'), `${page.url}: ${f}`).not.toMatch(/playground-worker|chevrotain|EmbeddedActionsParser/i);
    }
  });
});
