/**
 * The rule tables the questionnaire's browser script decides with, built with the site: sliced to the
 * period in force on the build date (the script falls back to the server on a date outside it).
 */
import type { APIRoute } from 'astro';
import tables from 'virtual:lovkode/tables';
import { sliceTables } from '../../../compiler/runtime/index.ts';
import { todayInNorway } from '../../lib/answers.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(sliceTables(tables, todayInNorway())), { headers: { 'Content-Type': 'application/json' } });
