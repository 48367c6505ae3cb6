/**
 * `lovkode ask` as a person meets it: the real binary, driven through a pipe and through a
 * pseudo-terminal (util-linux `script`), with the input left open. It must exit as soon as the answer
 * is printed, show the same text both ways, say «Question n of at most m on this path», answer `?`
 * with the help text and why we ask (rule titles, no rule ids), and print the `decide` command only
 * with --show-command.
 */
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = resolve('bin/lovkode.mjs');
const ARGS = ['ask', '--lang', 'en', '--date', '2026-07-02'];
/** Unaddressed advertising, marketing, from a business, to a mailbox marked «no advertising»: four questions. */
const ANSWERS = ['9', '?', '1', '1', '1'];
const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;

/** Runs the command, writes the answers one line at a time and never closes stdin; resolves when it exits. */
function drive(command: string, args: string[], answers: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', TERM: 'dumb' } });
    let out = '';
    let sent = 0;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`did not exit with stdin still open; output so far:\n${out}`));
    }, 30_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      // One answer per prompt, as a person types.
      const prompts = out.split('Answer with a number').length - 1 + (out.match(/Why we ask/g)?.length ?? 0);
      while (sent < answers.length && sent < prompts) child.stdin.write(`${answers[sent++]}\n`);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      ok({ code, out: out.replace(/\r\n/g, '\n') });
    });
  });
}

/** What a run must show, whichever way it was driven. */
function expectTheAnswer(out: string): void {
  expect(out).toContain('Question 1 of at most');
  expect(out).toMatch(/Question 2 of at most \d+ on this path\nWhat does the message contain\?/);
  expect(out).toMatch(/Question 4 of at most 4 on this path/);
  const why = out.slice(out.indexOf('Why we ask'), out.indexOf('Question 3'));
  expect(why).toContain('Your answer decides whether these rules apply:');
  expect(why).not.toMatch(/\bR\d+[a-z]?\b/);
  expect(out).toContain('Answer: No, this is not allowed.');
  expect(out).not.toContain('lovkode decide');
}

describe('lovkode ask in a terminal and through a pipe', () => {
  it('through a pipe: exits after the answer with stdin still open', async () => {
    const r = await drive(process.execPath, [BIN, ...ARGS], ANSWERS);
    expect(r.code).toBe(0);
    expectTheAnswer(r.out);
  }, 60_000);

  it.skipIf(!HAS_SCRIPT)('in a pseudo-terminal: the same questions and answer, and it exits', async () => {
    const command = [process.execPath, BIN, ...ARGS].map((a) => `'${a}'`).join(' ');
    const r = await drive('script', ['-qec', command, '/dev/null'], ANSWERS);
    expect(r.code).toBe(0);
    expectTheAnswer(r.out);
  }, 60_000);

  it('asks the customer exception as one screen: the typical newsletter in 8 questions', async () => {
    // E-mail, private person, newsletter, from a business, not opted out, no request; the screen «yes»; no consent.
    const r = await drive(process.execPath, [BIN, ...ARGS, '--show-command'], ['1', '1', '3', '1', '2', '2', '1', '2']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Question 7 of at most \d+ on this path\nIs all of this true\?\n  • The recipient is an ongoing customer of yours/);
    expect(r.out).toContain('  1) Yes, all of it');
    expect(r.out).toContain('Question 8 of at most');
    expect(r.out).not.toContain('Question 9');
    expect(r.out).toContain('"customerRelationship":"ongoing","addressSource":"collected_in_sale","optOutOfferedAtCollection":true,"productOwner":"own","productSimilarToRelationship":true');
  }, 60_000);

  it('prints the decide command only with --show-command', async () => {
    const r = await drive(process.execPath, [BIN, ...ARGS, '--show-command'], ['9', '1', '1', '1']);
    expect(r.out).toContain(`lovkode decide --date 2026-07-02 --facts '{"channel":"unaddressed_mail","purpose":"marketing","senderActsInBusiness":true,"mailboxMarkedNoAds":true}'`);
  }, 60_000);
});
