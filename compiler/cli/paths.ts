/**
 * `lovkode paths`: how long the questionnaire is — the number of distinct paths through it, the
 * mean and longest number of questions, and the expected number when every answer is equally likely
 * and under the pack's typical answers (each fact's typical answer 70 %, the others evenly); for the
 * whole pack (with and without its screens, facts asked together) and per answer to the first
 * question, and the same for asking in declaration order (one fact per question).
 */
import { stringFlag, type ParsedArgs } from './args.ts';
import type { Context } from './commands.ts';
import { noPositionals } from './decide.ts';
import { dateFlag } from './input.ts';
import { EXIT, paint, write } from './io.ts';
import { packFor } from './packs.ts';
import { questionnaireStats, type QuestionPolicy, type QuestionnaireStats } from '../analyse/questionnaire.ts';
import { askAt, choiceContext } from '../runtime/choice.ts';
import { SCREEN_POLICY } from '../runtime/screens.ts';
import { epochFor } from '../runtime/diagram.ts';
import { today } from '../runtime/engine.ts';

/** Runs `paths`. */
export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  noPositionals(args, 'paths');
  const { io, lang } = ctx;
  const date = dateFlag(args) ?? today();
  const { tables } = await packFor(stringFlag(args, 'rules'), ctx, stringFlag(args, 'root'));
  const row = (label: string, s: QuestionnaireStats) =>
    `${label.padEnd(34)}${String(s.paths).padStart(8)}${s.meanQuestions.toFixed(1).padStart(8)}${String(s.maxQuestions).padStart(6)}${s.expectedQuestions.toFixed(1).padStart(10)}${s.typicalQuestions.toFixed(1).padStart(9)}`;
  const head = lang === 'nb' ? ['', 'stier', 'snitt', 'maks', 'forventet', 'typisk'] : ['', 'paths', 'mean', 'max', 'expected', 'typical'];
  const out = [paint(io, 'bold', lang === 'nb' ? `Spørreskjemaet ${date} (regelsett ${tables.version})` : `The questionnaire on ${date} (rule pack ${tables.version})`)];
  const decision = tables.epochs[epochFor(tables, date)]!.decision;
  const table = (policy: QuestionPolicy, title: string) => {
    out.push('', paint(io, 'bold', title), `${head[0]!.padEnd(34)}${head[1]!.padStart(8)}${head[2]!.padStart(8)}${head[3]!.padStart(6)}${head[4]!.padStart(10)}${head[5]!.padStart(9)}`);
    out.push(row(lang === 'nb' ? 'alle' : 'all', questionnaireStats(tables, date, undefined, policy)));
    // Screens (facts asked together) are the questionnaire's: show what they change.
    if (policy === 'chosen' && tables.screens?.length) out.push(row(lang === 'nb' ? 'alle, uten skjermer' : 'all, without screens', questionnaireStats(tables, date, undefined, policy, 'off')));
    if (decision < 0) return;
    // The first question is the same for every answer set: per answer to it, the rest plus that question.
    const c = choiceContext(tables);
    const first = askAt(c, { root: decision, open: 0, sc: 0 }, policy === 'chosen' ? SCREEN_POLICY : 'off', policy === 'declared');
    // A screen first (a pack of only a screen's facts) has no single fact to break the figures down by.
    if (first.screen !== undefined) return;
    const fact = first.fact;
    tables.facts[fact]!.values.forEach((_, v) => {
      const answered = new Int32Array(tables.facts.length).fill(-1);
      answered[fact] = v;
      const rest = questionnaireStats(tables, date, answered, policy);
      const withFirst = { ...rest, meanQuestions: rest.meanQuestions + 1, maxQuestions: rest.maxQuestions + 1, expectedQuestions: rest.expectedQuestions + 1, typicalQuestions: rest.typicalQuestions + 1 };
      out.push(row(`  ${tables.facts[fact]!.name} = ${tables.facts[fact]!.values[v]}`, withFirst));
    });
  };
  table('chosen', lang === 'nb' ? 'Slik spørsmålene velges (fast rekkefølge først, så færrest forventede spørsmål)' : 'As the questions are chosen (declared order first, then fewest expected questions)');
  table('declared', lang === 'nb' ? 'Til sammenligning: i den rekkefølgen faktaene er skrevet' : 'For comparison: in the order the facts are declared');
  out.push(
    '',
    paint(io, 'dim', lang === 'nb'
      ? 'stier: ulike svarrekker som avgjør saken; snitt og maks: antall spørsmål per sti; forventet: antall spørsmål når hvert svar er like sannsynlig; typisk: antall spørsmål når hvert faktums typiske svar har 70 % sannsynlighet og de andre deler resten.'
      : 'paths: distinct sequences of answers that settle the case; mean and max: questions per path; expected: questions when every answer is equally likely; typical: questions when each fact\'s typical answer has a 70 % chance and the others share the rest.'),
  );
  await write(io.stdout, `${out.join('\n')}\n`);
  return EXIT.ok;
}
