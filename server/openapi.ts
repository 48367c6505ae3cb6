/**
 * The web API's OpenAPI 3.1 document and its vocabulary answer, made from a pack's tables. The
 * request body schema is the pack's facts JSON Schema (`generateSchema`, the same one `lovkode
 * build` writes next to the module's types); fact names, outcomes and obligation codes are enums
 * taken from the same tables, so the document always matches the pack that is served.
 */
import type { Tables } from '../compiler/runtime/tables.ts';
import { generateSchema } from '../compiler/generate/schema.ts';

const OUTCOMES = ['allowed', 'allowed_with_conditions', 'not_allowed', 'uncertain'];
const INPUT_CODES = ['E_BAD_JSON', 'E_NOT_AN_OBJECT', 'E_UNKNOWN_FACT', 'E_BAD_VALUE', 'E_BAD_DATE', 'E_PACK_GAP', 'E_PACK_CONFLICT', 'E_LIMIT_SIZE', 'E_LIMIT_DEPTH', 'E_LIMIT_NAME', 'E_LIMIT_VALUE', 'E_ENCODING'];
const HTTP_CODES = ['E_HTTP_NOT_FOUND', 'E_HTTP_METHOD', 'E_HTTP_BODY_TOO_LARGE', 'E_HTTP_LINE_TOO_LARGE', 'E_HTTP_UNKNOWN_PARAMETER', 'E_HTTP_BAD_PARAMETER', 'E_HTTP_INTERNAL'];

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const text = { type: 'string' };
const bilingual = { type: 'object', required: ['nb', 'en'], additionalProperties: false, properties: { nb: text, en: text } };

/** The answer of `GET /v1/facts`: every fact with its question, help and answer labels in both languages. */
export function vocabulary(tables: Tables): object {
  return {
    version: tables.version,
    facts: tables.facts.map((f) => {
      const order = f.type === 'boolean' ? [1, 0] : f.values.map((_, i) => i);
      const asValue = (i: number): string | boolean => (f.type === 'boolean' ? i === 1 : f.values[i]!);
      return {
        name: f.name,
        type: f.type,
        question: f.question,
        ...(f.help ? { help: f.help } : {}),
        values: order.map((i) => ({ value: asValue(i), label: f.labels[i]! })),
        ...(f.typical !== undefined ? { typical: asValue(f.typical) } : {}),
      };
    }),
  };
}

/** The component schemas: facts, decision, question, errors, vocabulary, health. */
function schemas(tables: Tables): Record<string, object> {
  const { $schema: _dialect, ...facts } = generateSchema(tables) as Record<string, unknown>;
  const factName = { type: 'string', enum: tables.facts.map((f) => f.name) };
  const citations = { type: 'array', items: ref('Citation') };
  const answer = { oneOf: [{ type: 'string' }, { type: 'boolean' }] };
  return {
    Facts: facts,
    Citation: {
      type: 'object',
      required: ['source', 'ref', 'title', 'url', 'status'],
      additionalProperties: false,
      properties: { source: text, ref: text, title: text, url: text, status: { enum: ['primary', 'secondary', 'unverified'] } },
    },
    Decision: {
      type: 'object',
      description: 'The decision contract (docs/cli.md). `outcome` is null exactly when the facts do not settle the answer; then `missing` lists the facts that can still change it, next question first.',
      required: ['outcome', 'obligations', 'reasons', 'citations', 'missing'],
      additionalProperties: false,
      properties: {
        outcome: { enum: [...OUTCOMES, null] },
        obligations: {
          type: 'array',
          items: { type: 'object', required: ['code', 'text', 'citations'], additionalProperties: false, properties: { code: { enum: tables.obligations.map((o) => o.code) }, text, citations } },
        },
        reasons: {
          type: 'array',
          items: { type: 'object', required: ['rule', 'text', 'citations'], additionalProperties: false, properties: { rule: text, text, citations, judgement: text } },
        },
        citations,
        missing: { type: 'array', items: factName },
      },
    },
    Question: {
      type: 'object',
      required: ['fact', 'type', 'text', 'values', 'why', 'possible'],
      additionalProperties: false,
      description: 'A fact to ask, or (`type` screen) several facts asked together: `fact` is then the screen\'s name, the answers are true («yes, all of it»: send the facts of `confirms`) and false («no»: name the screen in `declined`).',
      properties: {
        fact: { oneOf: [factName, { type: 'string', enum: (tables.screens ?? []).map((s) => s.name) }] },
        type: { enum: ['enum', 'boolean', 'screen'] },
        text,
        help: text,
        values: { type: 'array', items: { type: 'object', required: ['value', 'label'], additionalProperties: false, properties: { value: answer, label: text } } },
        typical: answer,
        why: { type: 'array', items: { type: 'object', required: ['rule', 'title', 'citations'], additionalProperties: false, properties: { rule: text, title: text, citations } } },
        possible: { type: 'array', items: { enum: OUTCOMES } },
        confirms: {
          type: 'array',
          description: 'A screen only: the facts «yes» confirms, each with its value and the condition as the list shows it.',
          items: { type: 'object', required: ['fact', 'value', 'text'], additionalProperties: false, properties: { fact: factName, value: answer, text } },
        },
      },
    },
    NextQuestion: {
      type: 'object',
      required: ['decision'],
      additionalProperties: false,
      properties: {
        decision: ref('Decision'),
        question: ref('Question'),
        atMost: { type: 'integer', minimum: 1, description: 'With a question: at most this many questions remain on this path, this one included (the longest remaining path given the answers so far).' },
      },
    },
    Error: {
      type: 'object',
      required: ['error'],
      additionalProperties: false,
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message'],
          additionalProperties: false,
          properties: {
            code: { enum: [...INPUT_CODES, ...HTTP_CODES] },
            message: text,
            field: text,
            value: {},
            choices: { type: 'array', items: text },
            line: { type: 'integer', minimum: 1, description: 'In a batch answer: the 1-based input line.' },
          },
        },
      },
    },
    BatchLine: { description: 'One line of a batch answer: a decision, or the error of that input line (a blank input line gives a blank line).', oneOf: [ref('Decision'), ref('Error')] },
    Vocabulary: {
      type: 'object',
      required: ['version', 'facts'],
      additionalProperties: false,
      properties: {
        version: text,
        facts: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name', 'type', 'question', 'values'],
            additionalProperties: false,
            properties: {
              name: factName,
              type: { enum: ['enum', 'boolean'] },
              question: bilingual,
              help: bilingual,
              values: { type: 'array', items: { type: 'object', required: ['value', 'label'], additionalProperties: false, properties: { value: answer, label: bilingual } } },
              typical: answer,
            },
          },
        },
      },
    },
    Health: { type: 'object', required: ['status', 'version'], additionalProperties: false, properties: { status: { const: 'ok' }, version: text } },
  };
}

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const error = (description: string) => ({ description, ...json(ref('Error')) });
const VERSION_HEADER = { 'Lovkode-Pack-Version': { description: 'The rule pack version (a hash of its source files) that answered.', schema: { type: 'string' } } };

const QUERY = [
  { name: 'date', in: 'query', required: false, description: 'Decide by the rules in force on this date (default: today, UTC).', schema: { type: 'string', format: 'date' } },
  { name: 'lang', in: 'query', required: false, description: 'Language of the texts in the answer (default nb).', schema: { enum: ['nb', 'en'] } },
];

/** `declined` (next question only): screens answered «no», whose facts are then asked one by one. */
const DECLINED = (tables: Tables) => ({
  name: 'declined',
  in: 'query',
  required: false,
  description: 'Screens (several facts asked together, a question of type `screen`) the person answered «no»: their facts are then asked one by one. Repeat the parameter or separate names with commas. Answer «yes» by sending the facts of the question\'s `confirms` with their values.',
  schema: { type: 'array', items: { enum: (tables.screens ?? []).map((s) => s.name) } },
  style: 'form',
  explode: true,
});

/** A POST operation that takes one facts object. */
function factsOperation(summary: string, ok: object, id: string, extra: object[] = []): object {
  return {
    operationId: id,
    summary,
    parameters: [...QUERY, ...extra],
    requestBody: { required: true, ...json(ref('Facts')) },
    responses: {
      200: { description: 'The answer.', headers: VERSION_HEADER, ...json(ok) },
      400: error('Bad input: not JSON, not an object, an unknown fact (with did-you-mean), a bad value or date, or an unknown query parameter.'),
      405: error('Wrong method; `Allow` names the right one.'),
      413: error('The body is larger than the limit.'),
      422: error('The pack has no answer, or conflicting ones, for these facts (only with unchecked --rules).'),
    },
  };
}

/** The OpenAPI 3.1 document of the web API for this pack. */
export function openApiDocument(tables: Tables, packageVersion: string): object {
  const get = (id: string, summary: string, schema: object) => ({
    get: { operationId: id, summary, responses: { 200: { description: 'OK.', headers: VERSION_HEADER, ...json(schema) }, 405: error('Wrong method.') } },
  });
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'lovkode web API',
      version: packageVersion,
      description: `Norwegian marketing law as code: decide whether an offer may be sent, exactly, also on partial facts. Rule pack version ${tables.version}.`,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    paths: {
      '/v1/decide': { post: factsOperation('Decide one situation', ref('Decision'), 'decide') },
      '/v1/decide/batch': {
        post: {
          operationId: 'decideBatch',
          summary: 'Decide many situations: one facts object per line (NDJSON) in, one answer line per input line out, streamed',
          parameters: QUERY,
          requestBody: { required: true, content: { 'application/x-ndjson': { schema: ref('Facts') } } },
          responses: {
            200: { description: 'One line per input line, in order: a decision, an error with `line`, or a blank line for a blank line.', headers: VERSION_HEADER, content: { 'application/x-ndjson': { schema: ref('BatchLine') } } },
            400: error('An unknown or bad query parameter.'),
            405: error('Wrong method.'),
          },
        },
      },
      '/v1/next-question': { post: factsOperation('The decision so far and the next question to ask (a fact, or a screen of several facts asked together)', ref('NextQuestion'), 'nextQuestion', [DECLINED(tables)]) },
      '/v1/facts': get('facts', 'The facts of the pack, with questions, help and answer labels in bokmål and English', ref('Vocabulary')),
      '/v1/openapi.json': get('openapi', 'This document', { type: 'object' }),
      '/healthz': get('health', 'Liveness: the server answers and names its pack version', ref('Health')),
    },
    components: { schemas: schemas(tables) },
  };
}
