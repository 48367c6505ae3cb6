/**
 * `lovkode diff` for people: the changed situations grouped by rule, in the questions' and answers'
 * own words in the chosen language; fact and value identifiers only with `--json`.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { lovkode } from './support/cli.ts';

const RULES = fileURLToPath(new URL('../rules/', import.meta.url));

/** A copy of the pack with a new question and a new exception to unaddressed advertising (R41) for charities. */
function edited(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lovkode-diff-words-'));
  cpSync(RULES, dir, { recursive: true });
  const facts = join(dir, 'facts.lov');
  writeFileSync(facts, `${readFileSync(facts, 'utf8')}
fact charityFundraising is true or false
  question nb "Samler du inn penger til et veldedig formål?"
           en "Are you raising money for a charity?"
  typical false
`);
  const unaddressed = join(dir, 'unaddressed.lov');
  writeFileSync(unaddressed, `${readFileSync(unaddressed, 'utf8')}
rule R43 "Innsamling til veldedige formål" en "Charity fundraising"
  exception to R41
  when charityFundraising and not mailboxMarkedNoAds
  then uncertain
  because nb "Innsamling er ikke vanlig reklame." en "Fundraising is not ordinary advertising."
  judgement nb "Er innsamlingen markedsføring?" en "Is the fundraising marketing?"
  cites mfl "§ 17 første ledd"
`);
  return dir;
}

describe('diff in words', () => {
  let dir: string;
  beforeAll(() => {
    dir = edited();
  });

  it('groups the changed situations by the rule that now decides them, with questions and answers in English', async () => {
    const r = await lovkode(['diff', RULES, dir, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('New question: Are you raising money for a charity?');
    expect(r.out).toContain('R43 «Charity fundraising»');
    expect(r.out).toContain('Are you raising money for a charity? Yes');
    expect(r.out).toContain('Advertising in the mailbox without a name (unaddressed)');
    expect(r.out).toMatch(/before: allowed \(R41\)/);
    expect(r.out).toMatch(/now: {4}uncertain \(R43\)/);
    expect(r.out).toMatch(/^1 situation is decided differently, under 1 rule\.$/m); // one situation, in force in three periods
    // No identifiers of facts or values in the text.
    expect(r.out).not.toMatch(/charityFundraising|unaddressed_mail|mailboxMarkedNoAds/);
  });

  it('speaks bokmål with --lang nb', async () => {
    const r = await lovkode(['diff', RULES, dir, '--lang', 'nb']);
    expect(r.out).toContain('Nytt spørsmål: Samler du inn penger til et veldedig formål?');
    expect(r.out).toContain('Samler du inn penger til et veldedig formål? Ja');
    expect(r.out).toMatch(/før: {4}lov \(R41\)/);
    expect(r.out).toMatch(/nå: {5}usikkert \(R43\)/);
    expect(r.out).not.toMatch(/Yes|before|now:/);
  });

  it('gives the identifiers with --json', async () => {
    const r = await lovkode(['diff', RULES, dir, '--json']);
    const json = JSON.parse(r.out) as { differences: { facts: Record<string, string[]> }[]; vocabulary: string[] };
    expect(json.vocabulary).toContain('+ fact charityFundraising');
    expect(json.differences.every((d) => d.facts.charityFundraising?.join() === 'true')).toBe(true);
  });
});
