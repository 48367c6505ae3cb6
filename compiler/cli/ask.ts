/**
 * `lovkode ask`: the questionnaire in the terminal, for developers and legal staff. It asks only
 * the questions that can still change the answer, says why it asks, and ends with the decision,
 * its reasons, what to do, what would change a refusal, and the command that reproduces it.
 * Answers are read line by line from stdin, so it can be driven by a pipe as well as by a person.
 */
import { createInterface } from 'node:readline';
import type { Outcome } from '../ast/types.ts';
import type { Decision, Lang } from '../evaluate/types.ts';
import { questionnaireState, whatWouldChange, type Decider } from '../evaluate/index.ts';
import { stringFlag, type ParsedArgs } from './args.ts';
import type { Context } from './commands.ts';
import { noPositionals } from './decide.ts';
import { explainText } from './explain.ts';
import { dateFlag } from './input.ts';
import { EXIT, paint, write, type CliIO } from './io.ts';
import { packFor } from './packs.ts';

const T = {
  question: { nb: 'Spørsmål', en: 'Question' },
  why: { nb: 'Hvorfor vi spør', en: 'Why we ask' },
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
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity })[Symbol.asyncIterator]();
  for (;;) {
    const state = questionnaireState(pack, answers, options);
    if ('error' in state) throw new Error(state.error.message);
    // Answers the path no longer reaches are dropped, as on the site.
    for (const fact of Object.keys(answers)) if (!(fact in state.facts)) delete answers[fact];
    const q = state.question;
    if (!q) {
      await write(io.stdout, result(pack, state.facts, state.decision, io, lang, options.date));
      return EXIT.ok;
    }
    const asked = state.answered.length + 1;
    const out = [
      '',
      paint(io, 'bold', `${T.question[lang]} ${asked}: ${q.text}`),
      ...(q.help ? [paint(io, 'dim', q.help)] : []),
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
        const why = q.why.map((w) => `  ${w.rule} ${w.title} — ${w.citations.map((c) => c.ref).join('; ')}`);
        await write(io.stdout, `${paint(io, 'bold', `${T.why[lang]}:`)}\n${why.join('\n')}\n`);
        continue;
      }
      if (input === 'b') {
        const last = state.answered.at(-1);
        if (last) delete answers[last.fact];
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

/** The end of the questionnaire: the decision explained, what would change it, and how to reproduce it. */
function result(pack: Decider, facts: Record<string, string | boolean>, decision: Decision, io: CliIO, lang: Lang, date?: string): string {
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
  out.push('', paint(io, 'bold', T.again[lang]), `  lovkode decide${date ? ` --date ${date}` : ''} --facts '${JSON.stringify(facts)}'`, '');
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
