/**
 * The receipt as a JSON download for browsers without JavaScript: decided again on the server from the
 * answers in the query string. Server-only (it reads the full tables of the build).
 */
import tables from 'virtual:lovkode/tables';
import { readAnswers, todayInNorway } from './answers.ts';
import { qtext } from './qtext.ts';
import type { Lang } from './routes.ts';
import { questionnaireStep } from './step.ts';

/** The response of `/sporsmal/kvittering.json?…` and `/en/question/receipt.json?…`. */
export function receiptResponse(lang: Lang, url: URL): Response {
  const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  const step = questionnaireStep(tables, readAnswers(tables, url.searchParams), lang, todayInNorway());
  if ('error' in step) return new Response(JSON.stringify({ error: step.error }, null, 2), { status: 422, headers });
  if (!step.receipt) {
    const message = lang === 'nb' ? 'Svarene gir ikke noe endelig svar ennå.' : 'The answers do not settle the question yet.';
    return new Response(JSON.stringify({ error: { message, missing: step.state.decision.missing } }, null, 2), { status: 422, headers });
  }
  const name = `lovkode-${qtext(lang).fileName}-${step.receipt.date}.json`;
  return new Response(`${JSON.stringify(step.receipt, null, 2)}\n`, {
    headers: { ...headers, 'Content-Disposition': `attachment; filename="${name}"` },
  });
}
