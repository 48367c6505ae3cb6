/**
 * `lovkode paths`: how long the questionnaire is — the number of distinct paths through it, the
 * mean and longest number of questions, and the expected number when every answer is equally
 * likely; for the whole pack and per answer to the first question.
 */
import { stringFlag, type ParsedArgs } from './args.ts';
import type { Context } from './commands.ts';
import { noPositionals } from './decide.ts';
import { dateFlag } from './input.ts';
import { EXIT, paint, write } from './io.ts';
import { packFor } from './packs.ts';
import { questionnaireStats, type QuestionnaireStats } from '../analyse/questionnaire.ts';
import { epochFor } from '../runtime/diagram.ts';
import { today } from '../runtime/engine.ts';

/** Runs `paths`. */
export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  noPositionals(args, 'paths');
  const { io, lang } = ctx;
  const date = dateFlag(args) ?? today();
  const { tables } = await packFor(stringFlag(args, 'rules'), ctx, stringFlag(args, 'root'));
  const row = (label: string, s: QuestionnaireStats) =>
    `${label.padEnd(34)}${String(s.paths).padStart(8)}${s.meanQuestions.toFixed(1).padStart(8)}${String(s.maxQuestions).padStart(6)}${s.expectedQuestions.toFixed(1).padStart(10)}`;
  const head = lang === 'nb' ? ['', 'stier', 'snitt', 'maks', 'forventet'] : ['', 'paths', 'mean', 'max', 'expected'];
  const out = [
    paint(io, 'bold', lang === 'nb' ? `Spørreskjemaet ${date} (regelsett ${tables.version})` : `The questionnaire on ${date} (rule pack ${tables.version})`),
    `${head[0]!.padEnd(34)}${head[1]!.padStart(8)}${head[2]!.padStart(8)}${head[3]!.padStart(6)}${head[4]!.padStart(10)}`,
    row(lang === 'nb' ? 'alle' : 'all', questionnaireStats(tables, date)),
  ];
  const root = tables.epochs[epochFor(tables, date)]!.decision;
  if (root >= 0) {
    const fact = tables.nodes[root]![0]!;
    tables.facts[fact]!.values.forEach((_, v) => {
      const answered = new Int32Array(tables.facts.length).fill(-1);
      answered[fact] = v;
      // The rest of the questionnaire after this answer, plus the first question itself.
      const rest = questionnaireStats(tables, date, answered);
      const withFirst = { ...rest, meanQuestions: rest.meanQuestions + 1, maxQuestions: rest.maxQuestions + 1, expectedQuestions: rest.expectedQuestions + 1 };
      out.push(row(`  ${tables.facts[fact]!.name} = ${tables.facts[fact]!.values[v]}`, withFirst));
    });
  }
  out.push(
    '',
    paint(io, 'dim', lang === 'nb'
      ? 'stier: ulike svarrekker som avgjør saken; snitt og maks: antall spørsmål per sti; forventet: antall spørsmål når hvert svar er like sannsynlig.'
      : 'paths: distinct sequences of answers that settle the case; mean and max: questions per path; expected: questions when every answer is equally likely.'),
  );
  await write(io.stdout, `${out.join('\n')}\n`);
  return EXIT.ok;
}
