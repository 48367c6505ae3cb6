/**
 * Deliberately broken copies of the Norwegian pack fail `lovkode check` with one counterexample
 * each — a ready-to-paste `example` block that shows the problem — and the questionnaire guarantees
 * hold on the real pack.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePack, loadDefaultPack } from '../compiler/pipeline.ts';
import { memoryHost } from '../compiler/load/index.ts';
import { decide, nextQuestion } from '../compiler/evaluate/index.ts';

const RULES = fileURLToPath(new URL('../rules/', import.meta.url));

/** Copies the pack, lets `edit` change one file, and compiles the copy. */
function broken(file: string, edit: (text: string) => string) {
  const dir = mkdtempSync(join(tmpdir(), 'lovkode-broken-'));
  cpSync(RULES, dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return compilePack([join(dir, 'main.lov')], { examples: false });
}

const DECLARATION = String.raw`(?=\n(rule|example|condition|obligation|fact|source|import|statute) |$)`;
/** Removes a rule, and the examples that name it as a reason. */
const removeRule = (id: string) => (text: string) =>
  text
    .replace(new RegExp(String.raw`\nrule ${id} [\s\S]*?${DECLARATION}`), '\n')
    .replace(new RegExp(String.raw`\nexample (?:(?!\nrule |\nexample )[\s\S])*?expect rule [^\n]*\b${id}\b[\s\S]*?${DECLARATION}`, 'g'), '\n');

/** Parses the given facts of a printed example block. */
function givenFacts(block: string): Record<string, string | boolean> {
  const facts: Record<string, string | boolean> = {};
  for (const [, list] of block.matchAll(/^\s*given (.*)$/gm)) {
    for (const pair of list!.split(', ')) {
      const [name, value] = pair.split(' = ') as [string, string];
      facts[name] = value === 'true' ? true : value === 'false' ? false : value;
    }
  }
  return facts;
}

describe('a broken copy of the pack', () => {
  it('without the rule for dates before the 2009 act (R90) has a gap, with the situation that falls through', () => {
    // (The rules no longer restate «not opted out»: R11 prevails over them, so removing R11 leaves
    // no gap; the rule that alone covers the time before 1 June 2009 does.)
    const r = broken('history.lov', removeRule('R90'));
    const gaps = r.diagnostics.filter((d) => d.code === 'LOV4001');
    expect(gaps).toHaveLength(1);
    const block = gaps[0]!.hint!.en.slice(gaps[0]!.hint!.en.indexOf('example "'));
    // The counterexample parses as an example block and names marketing on a date before the act.
    const host = memoryHost({ '/x.lov': block });
    expect(compilePack(['/x.lov'], { host }).diagnostics.filter((d) => d.code.startsWith('LOV1'))).toEqual([]);
    expect(givenFacts(block)).toMatchObject({ senderActsInBusiness: true });
    const on = /^\s*on (\d{4}-\d{2}-\d{2})$/m.exec(block);
    expect(on).not.toBeNull();
    expect(on![1]! < '2009-06-01').toBe(true);
  });

  it('with a duplicated rule that gives another outcome has a conflict naming both rules', () => {
    const r = broken('unaddressed.lov', (t) => `${t}\nrule R41x "Kopi med annet utfall"\n  when commercialMarketing and channel = unaddressed_mail and not mailboxMarkedNoAds\n  then not_allowed\n  because nb "Kopi." en "Copy."\n  cites mfl "§ 17 første ledd"\n  in force from 2009-06-01\n`);
    const conflicts = r.diagnostics.filter((d) => d.code === 'LOV4002');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.message.en).toContain('R41 gives a different answer from R41x');
    expect(givenFacts(conflicts[0]!.hint!.en)).toMatchObject({ channel: 'unaddressed_mail', mailboxMarkedNoAds: false });
  });

  it('with a rule whose condition can never hold reports that rule as dead', () => {
    const r = broken('unaddressed.lov', (t) => `${t}\nrule R42 "Umulig"\n  exception to R41\n  when channel = fax\n  then uncertain\n  because nb "Umulig." en "Impossible."\n  judgement nb "?" en "?"\n  cites mfl "§ 17 første ledd"\n`);
    const dead = r.diagnostics.filter((d) => d.code === 'LOV4003');
    expect(dead.map((d) => d.message.en)).toEqual(['Rule “R42” never decides anything: its condition contradicts the conditions of the rules it is an exception to.']);
  });

  it('with a wrong expectation in an example fails check with LOV5001 at that example', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lovkode-broken-'));
    cpSync(RULES, dir, { recursive: true });
    const path = join(dir, 'unaddressed.lov');
    writeFileSync(path, `${readFileSync(path, 'utf8')}\nexample "Feil med vilje"\n  given channel = unaddressed_mail, purpose = marketing, senderActsInBusiness = true, mailboxMarkedNoAds = true\n  expect allowed\n`);
    const r = compilePack([join(dir, 'main.lov')]);
    const failed = r.diagnostics.filter((d) => d.code === 'LOV5001');
    expect(failed.map((d) => d.message.en)).toEqual(['Example “Feil med vilje” failed: expected outcome allowed, got not_allowed.']);
  });
});

describe('the questionnaire on the Norwegian pack', () => {
  const pack = loadDefaultPack();
  const facts = pack.tables.facts;
  const truthArb = fc.tuple(...facts.map((f) => fc.nat({ max: f.values.length - 1 }))).map((vs) =>
    Object.fromEntries(vs.map((v, i) => [facts[i]!.name, facts[i]!.type === 'boolean' ? v === 1 : facts[i]!.values[v]!])),
  );

  it('asks only facts that can change the answer, stops when settled, and agrees with deciding all facts at once', () => {
    fc.assert(
      fc.property(truthArb, fc.constantFrom('2017-06-01', '2018-03-01', '2026-11-29'), (truth, date) => {
        const answers: Record<string, unknown> = {};
        const declined: string[] = [];
        for (let asked = 0; asked <= facts.length; asked++) {
          const step = nextQuestion(pack, answers, { date, declined });
          if ('error' in step) throw new Error(step.error.message);
          if (!step.question) {
            const all = decide(pack, truth, { date });
            if ('error' in all) throw new Error(all.error.message);
            expect(step.decision.outcome).toBe(all.outcome);
            expect(step.decision.obligations.map((o) => o.code)).toEqual(all.obligations.map((o) => o.code));
            return;
          }
          const q = step.question;
          if (q.type === 'screen') {
            // Facts asked together: «yes» exactly when each listed fact has the value shown, else «no».
            expect(step.decision.missing[0]).toBe(q.confirms![0]!.fact);
            if (q.confirms!.every((c) => truth[c.fact] === c.value)) for (const c of q.confirms!) answers[c.fact] = c.value;
            else declined.push(q.fact);
            continue;
          }
          expect(step.decision.missing[0]).toBe(q.fact);
          answers[q.fact] = truth[q.fact];
        }
        throw new Error('the questionnaire did not settle within the number of facts');
      }),
      { numRuns: 500 },
    );
  });
});
