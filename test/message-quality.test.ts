/**
 * Message quality over the whole catalogue and over the messages the phases actually produce (the
 * bad corpus, broken copies of the pack, the charity edit): each text is in one language (no
 * "nb / en" in one sentence, no English words in a bokmål message and no bokmål words in an English
 * one) and never ends in a double full stop.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../compiler/diagnostics/catalogue.ts';
import type { Diagnostic } from '../compiler/diagnostics/types.ts';
import { compilePack } from '../compiler/pipeline.ts';

const RULES = fileURLToPath(new URL('../rules/', import.meta.url));
const BAD = fileURLToPath(new URL('./corpus/bad/', import.meta.url));

const ENGLISH = ['the', 'is', 'are', 'and', 'of', 'with', 'has', 'have', 'this', 'that', 'cannot', 'never', 'does', 'which', 'only', 'its', 'it', 'should', 'be', 'or', 'other', 'rules', 'always', 'decide', 'first', 'condition', 'example', 'failed', 'expected', 'got'];
const BOKMAAL = ['ikke', 'og', 'er', 'det', 'som', 'av', 'må', 'kan', 'gir', 'regel', 'regelen', 'reglene', 'faktumet', 'eller', 'aldri', 'fikk', 'ventet', 'andre', 'alltid', 'først'];

/** The words of a text outside names: «…»/“…” quotes, {n} placeholders and (keyword) hints are left out. */
function words(text: string): string[] {
  const plain = text
    .replace(/\b\w*(_\w+|[a-z][A-Z])\w*\b/g, ' ') // identifiers: allowed_with_conditions, recipientOptedOut
    .replace(/«[^»]*»|“[^”]*”|"[^"]*"/g, ' ')
    .replace(/\{\d+\}/g, ' ')
    .replace(/\((cites|because|then|when|means|label|question|judgement|expect|typical|in force|exception to|given typical)\)/g, ' ');
  return plain.toLowerCase().split(/[^a-zæøå]+/).filter(Boolean);
}

/** What is wrong with one message, or nothing. */
function problems(nb: string, en: string): string[] {
  const out: string[] = [];
  for (const [lang, text] of [['nb', nb], ['en', en]] as const) {
    if (/\w \/ \w/.test(text.replace(/«[^»]*»|“[^”]*”/g, ''))) out.push(`${lang}: two languages in one sentence: ${text}`);
    if (/\.\.(?!\.)/.test(text.replace(/…/g, ''))) out.push(`${lang}: double full stop: ${text}`);
  }
  const english = words(nb).filter((w) => ENGLISH.includes(w));
  if (english.length > 0) out.push(`nb has English words (${english.join(', ')}): ${nb}`);
  const bokmaal = words(en).filter((w) => BOKMAAL.includes(w));
  if (bokmaal.length > 0) out.push(`en has bokmål words (${bokmaal.join(', ')}): ${en}`);
  return out;
}

/** Messages and the first line of hints (the rest of a hint may be a code example). */
function texts(ds: readonly Diagnostic[]): [string, string][] {
  return ds.flatMap((d) => [
    [d.message.nb, d.message.en] as [string, string],
    ...(d.hint ? [[d.hint.nb.split('\n')[0]!, d.hint.en.split('\n')[0]!] as [string, string]] : []),
    ...d.related.map((r) => [r.message.nb, r.message.en] as [string, string]),
  ]);
}

/** A copy of the pack with one file edited, compiled. */
function edited(file: string, edit: (t: string) => string) {
  const dir = mkdtempSync(join(tmpdir(), 'lovkode-messages-'));
  cpSync(RULES, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return compilePack([join(dir, 'main.lov')]).diagnostics;
}

describe('message quality', () => {
  it('the catalogue: every template in one language, with no double full stop', () => {
    const found = Object.entries(CATALOGUE).flatMap(([code, e]) => problems(e.nb, e.en).map((p) => `${code} ${p}`));
    expect(found).toEqual([]);
  });

  it('the messages the phases produce on bad files and broken packs', () => {
    const produced: Diagnostic[] = [];
    for (const f of readdirSync(BAD).filter((f) => f.endsWith('.lov'))) produced.push(...compilePack([join(BAD, f)]).diagnostics);
    produced.push(...edited('unaddressed.lov', (t) => `${t}\nrule R42 "Umulig"\n  exception to R41\n  when channel = fax\n  then uncertain\n  because nb "U." en "I."\n  judgement nb "?" en "?"\n  cites mfl "§ 17 første ledd"\n`));
    produced.push(...edited('unaddressed.lov', (t) => `${t}\nrule R41x "Kopi"\n  when commercialMarketing and channel = unaddressed_mail\n  then not_allowed\n  because nb "K." en "C."\n  cites mfl "§ 17 første ledd"\n`));
    produced.push(...edited('electronic.lov', (t) => t.replace(/\nrule R11 [\s\S]*?(?=\nrule )/, '\n').replace(/expect rule R11\n/g, '')));
    expect(produced.length).toBeGreaterThan(30);
    const found = texts(produced).flatMap(([nb, en]) => problems(nb, en));
    expect([...new Set(found)]).toEqual([]);
  }, 60_000);
});
