/**
 * `lovkode ask`: the questionnaire in the terminal, for developers and legal staff. It asks only
 * the questions that can still change the answer, says why it asks, and ends with the decision,
 * its reasons, what to do and what would change a refusal (and, with --show-command, the command that
 * reproduces it). Answers are read line by line from stdin, so a pipe and a terminal work the same;
 * it stops reading and exits as soon as the answer is printed.
 */
import { createInterface } from 'node:readline';
import type { Outcome } from '../ast/types.ts';
import type { Decision, Lang } from '../evaluate/types.ts';
import { questionnaireState, whatWouldChange, type Decider } from '../evaluate/index.ts';
import { boolFlag, stringFlag, type ParsedArgs } from './args.ts';
import type { Context } from './commands.ts';
import { noPositionals } from './decide.ts';
import { explainText } from './explain.ts';
import { dateFlag } from './input.ts';
import { EXIT, paint, write, type CliIO } from './io.ts';
import { packFor } from './packs.ts';

/** How many of the rules behind a question «why we ask» lists, as on the site. */
const WHY_SHOWN = 5;

const T = {
  progress: { nb: (n: number, most: number) => `Spørsmål ${n} av høyst ${most} på denne veien`, en: (n: number, most: number) => `Question ${n} of at most ${most} on this path` },
  why: { nb: 'Hvorfor spør vi om dette?', en: 'Why we ask' },
  whyMore: { nb: (n: number) => `og ${n} regler til (se regeloversikten på nettstedet)`, en: (n: number) => `and ${n} more rules (see the rule reference on the site)` },
  whyIntro: { nb: 'Svaret ditt avgjør om disse reglene gjelder:', en: 'Your answer decides whether these rules apply:' },
  prompt: { nb: 'Svar med et tall (b = tilbake, ? = hjelp, q = avslutt)', en: 'Answer with a number (b = back, ? = help, q = quit)' },
  invalid: { nb: 'Skriv et av tallene over.', en: 'Type one of the numbers above.' },
  ended: { nb: 'Avsluttet før svaret var avgjort.', en: 'Stopped before the answer was settled.' },
  change: { nb: 'Dette kan gjøre det lovlig', en: 'What would make it allowed' },
  assuming: { nb: 'forutsatt at', en: 'provided that' },
  answers: { nb: 'Svarene dine', en: 'Your answers' },
  again: { nb: 'Samme avgjørelse senere', en: 'The same decision later' },
} as const;

/** Runs `ask`. */
export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  noPositionals(args, 'ask');
  const { io, lang } = ctx;
  const date = dateFlag(args);
  const pack = await packFor(stringFlag(args, 'rules'), ctx, stringFlag(args, 'root'));
  const options = { lang, ...(date ? { date } : {}) };
  const answers: Record<string, string | boolean> = {};
  const reader = createInterface({ input: io.stdin, crlfDelay: Infinity, terminal: false });
  const lines = reader[Symbol.asyncIterator]();
  try {
    return await questions();
  } finally {
    // Stop reading at once: the program ends with the answer, not when the input ends.
    reader.close();
    if ('pause' in io.stdin && typeof io.stdin.pause === 'function') io.stdin.pause();
  }

  async function questions(): Promise<number> {
    for (;;) {
      const state = questionnaireState(pack, answers, options);
      if ('error' in state) throw new Error(state.error.message);
      // Answers the path no longer reaches are dropped, as on the site.
      // A screen answered «no» stays as NAME=false (its facts are then asked one by one); «yes» lives on as its facts.
      Object.assign(answers, state.facts);
      for (const fact of Object.keys(answers)) if (!(fact in state.facts) && !state.declined.includes(fact)) delete answers[fact];
      const q = state.question;
      if (!q) {
        await write(io.stdout, result(pack, state.facts, state.decision, io, lang, options.date, boolFlag(args, 'show-command')));
        return EXIT.ok;
      }
      const asked = state.answered.length + 1;
      const out = [
        '',
        paint(io, 'dim', T.progress[lang](asked, state.answered.length + state.atMost!)),
        paint(io, 'bold', q.text),
        // A screen asks several facts together: the conditions «yes» confirms.
        ...(q.confirms ?? []).map((c) => `  • ${c.text}`),
        ...q.values.map((v, i) => `  ${i + 1}) ${v.label}`),
        paint(io, 'dim', `${T.prompt[lang]}:`),
      ];
      await write(io.stdout, `${out.join('\n')}\n`);
      for (;;) {
        const next = await lines.next();
        if (next.done || next.value.trim() === 'q') {
          await write(io.stdout, `${T.ended[lang]}\n`);
          return EXIT.failed;
        }
        const input = next.value.trim();
        if (input === '?') {
          // The question's help and the same «why we ask» as the site: the rules by title, with their sources.
          const why = q.why.slice(0, WHY_SHOWN).map((w) => `  • ${w.title}${w.citations.length ? ` (${w.citations.map((c) => c.ref).join('; ')})` : ''}`);
          if (q.why.length > WHY_SHOWN) why.push(`  ${T.whyMore[lang](q.why.length - WHY_SHOWN)}`);
          await write(io.stdout, [...(q.help ? [q.help, ''] : []), paint(io, 'bold', T.why[lang]), T.whyIntro[lang], ...why, ''].join('\n'));
          continue;
        }
        if (input === 'b') {
          const last = state.answered.at(-1);
          if (last) for (const fact of [last.fact, ...(last.facts ?? [])]) delete answers[fact];
          break;
        }
        const choice = q.values[Number(input) - 1];
        if (!/^\d+$/.test(input) || !choice) {
          await write(io.stdout, `${T.invalid[lang]}\n`);
          continue;
        }
        answers[q.fact] = choice.value;
        break;
      }
    }
  }
}

/** The end of the questionnaire: the decision explained, what would change it, and how to reproduce it. */
function result(pack: Decider, facts: Record<string, string | boolean>, decision: Decision, io: CliIO, lang: Lang, date: string | undefined, showCommand: boolean): string {
  const out = ['', explainText(decision, pack.tables.facts, [], io, lang).trimEnd()];
  if (decision.outcome === 'not_allowed' || decision.outcome === 'uncertain') {
    const changes = whatWouldChange(pack, facts, { lang, ...(date ? { date } : {}) });
    if (!('error' in changes) && changes.length > 0) {
      out.push('', paint(io, 'bold', T.change[lang]));
      for (const c of changes) {
        out.push(`  • ${c.actions.map((a) => a.text).join(' + ')} → ${outcomeWord(c.outcome, lang)}`);
        if (c.assuming.length > 0) out.push(paint(io, 'dim', `    ${T.assuming[lang]}: ${c.assuming.map((a) => `${a.question} ${a.answer}`).join('; ')}`));
      }
    }
  }
  if (showCommand) out.push('', paint(io, 'bold', T.again[lang]), `  lovkode decide${date ? ` --date ${date}` : ''} --facts '${JSON.stringify(facts)}'`);
  out.push('');
  return out.join('\n');
}

function outcomeWord(o: Outcome, lang: Lang): string {
  const words: Record<Outcome, { nb: string; en: string }> = {
    allowed: { nb: 'lov', en: 'allowed' },
    allowed_with_conditions: { nb: 'lov på vilkår', en: 'allowed with conditions' },
    not_allowed: { nb: 'ikke lov', en: 'not allowed' },
    uncertain: { nb: 'usikkert', en: 'uncertain' },
  };
  return words[o][lang];
}
