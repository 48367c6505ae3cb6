/**
 * The web API over real HTTP on 127.0.0.1 (an ephemeral port): every route, bad input, limits,
 * methods, headers and compression; then a contract test that validates every answer of this file
 * against the OpenAPI document the server itself publishes.
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Ajv2020Import from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';
import { loadDefaultTables } from '../compiler/bundled.ts';
import { decide } from '../compiler/runtime/index.ts';
import type { Tables } from '../compiler/runtime/tables.ts';
import { apiListener, createApi, ROUTES } from '../server/api.ts';
import { API_CSP, chooseEncoding, harden } from '../server/http.ts';
import { listen } from '../server/listen.ts';
import { answers, json, send, type Answer } from './support/http.ts';

const Ajv2020 = ((Ajv2020Import as unknown as { default?: unknown }).default ?? Ajv2020Import) as typeof Ajv2020Import;
const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ?? addFormatsImport) as typeof addFormatsImport;

let tables: Tables;
let server: Server;
let base = '';
const LIMIT = 4096;

const COMPLETE_EMAIL = { channel: 'email', recipientType: 'private_person', purpose: 'marketing', senderActsInBusiness: true };

beforeAll(async () => {
  tables = await loadDefaultTables();
  const app = createApi({ tables, packageVersion: '0.0.0-test', maxBodyBytes: LIMIT });
  const started = await listen(harden(apiListener(app), { csp: API_CSP, methods: () => undefined, trustProxy: true }), '127.0.0.1', 0);
  server = started.server;
  base = started.url;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
});

const post = (path: string, body: string | Buffer, headers: Record<string, string> = {}) => send(base, 'POST', path, { body, headers });
const get = (path: string, headers: Record<string, string> = {}) => send(base, 'GET', path, { headers });

describe('routes', () => {
  it('GET /healthz names the pack version in the body and the header', async () => {
    const a = await get('/healthz');
    expect(a.status).toBe(200);
    expect(json(a)).toEqual({ status: 'ok', version: tables.version });
    expect(a.headers['lovkode-pack-version']).toBe(tables.version);
  });

  it('POST /v1/decide answers exactly what the engine decides, in the chosen language and date', async () => {
    for (const [query, opts] of [['', {}], ['?lang=en', { lang: 'en' as const }], ['?lang=en&date=2020-06-01', { lang: 'en' as const, date: '2020-06-01' }]] as const) {
      const a = await post(`/v1/decide${query}`, JSON.stringify(COMPLETE_EMAIL));
      expect(a.status).toBe(200);
      expect(a.headers['content-type']).toMatch(/^application\/json/);
      expect(json(a)).toEqual(JSON.parse(JSON.stringify(decide(tables, COMPLETE_EMAIL, opts))));
    }
    const partial = json(await post('/v1/decide', '{"channel":"email"}'));
    expect(partial.outcome).toBeNull();
    expect(partial.missing[0]).toBe('recipientType');
  });

  it('POST /v1/next-question gives the next question, and none once the answer is settled', async () => {
    const open = json(await post('/v1/next-question?lang=en', '{"channel":"email"}'));
    expect(open.question.fact).toBe('recipientType');
    expect(open.question.values.length).toBeGreaterThan(1);
    const settled = await post('/v1/next-question', JSON.stringify({ ...COMPLETE_EMAIL, recipientOptedOut: true }));
    expect(settled.status).toBe(200);
    const body = json(settled);
    if (body.decision.outcome !== null) expect(body.question).toBeUndefined();
  });

  it('POST /v1/next-question offers a screen of facts asked together; «yes» is its facts, «no» is ?declined=NAME', async () => {
    const start = { ...COMPLETE_EMAIL, purpose: 'newsletter_with_marketing', recipientOptedOut: false, explicitRequestToSender: false };
    const screen = json(await post('/v1/next-question?lang=en', JSON.stringify(start)));
    expect(screen.question).toMatchObject({ fact: 'customerException', type: 'screen', values: [{ value: true }, { value: false }] });
    expect(screen.question.confirms.map((c: { fact: string }) => c.fact)).toEqual(['customerRelationship', 'addressSource', 'optOutOfferedAtCollection', 'productOwner', 'productSimilarToRelationship']);
    const yes = Object.fromEntries(screen.question.confirms.map((c: { fact: string; value: unknown }) => [c.fact, c.value]));
    const after = json(await post('/v1/next-question', JSON.stringify({ ...start, ...yes })));
    expect(after.question.fact).toBe('hasConsent');
    const declined = json(await post('/v1/next-question?declined=customerException', JSON.stringify(start)));
    expect(declined.question.type).not.toBe('screen');
    expect(screen.question.confirms.map((c: { fact: string }) => c.fact)).toContain(declined.question.fact);
    const bad = await post('/v1/next-question?declined=nope', JSON.stringify(start));
    expect([bad.status, json(bad).error.code, json(bad).error.field]).toEqual([400, 'E_BAD_VALUE', 'declined']);
    const elsewhere = await post('/v1/decide?declined=customerException', JSON.stringify(start));
    expect([elsewhere.status, json(elsewhere).error.code]).toEqual([400, 'E_HTTP_UNKNOWN_PARAMETER']);
  });

  it('GET /v1/facts lists every fact with its question and labels in both languages', async () => {
    const body = json(await get('/v1/facts'));
    expect(body.version).toBe(tables.version);
    expect(body.facts.map((f: { name: string }) => f.name)).toEqual(tables.facts.map((f) => f.name));
    const channel = body.facts.find((f: { name: string }) => f.name === 'channel');
    expect(channel.question.nb).not.toBe('');
    expect(channel.question.en).not.toBe('');
    expect(channel.values.map((v: { value: string }) => v.value)).toContain('email');
    expect(channel.values[0].label).toEqual({ nb: expect.any(String), en: expect.any(String) });
  });

  it('GET /v1/openapi.json is OpenAPI 3.1 whose facts schema is the pack’s own', async () => {
    const doc = json(await get('/v1/openapi.json'));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(ROUTES).sort());
    expect(Object.keys(doc.components.schemas.Facts.properties)).toEqual(tables.facts.map((f) => f.name));
    expect(doc.components.schemas.Facts.additionalProperties).toBe(false);
  });

  it('HEAD on a GET route answers the headers without a body', async () => {
    const a = await send(base, 'HEAD', '/healthz');
    expect(a.status).toBe(200);
    expect(a.raw.length).toBe(0);
  });
});

describe('bad input: the contract’s error JSON with a 4xx status, never 500', () => {
  const error = async (a: Promise<Answer>, status: number, code: string) => {
    const answer = await a;
    expect(answer.status).toBe(status);
    const body = json(answer);
    expect(body.error.code).toBe(code);
    expect(body.error.message).toEqual(expect.any(String));
    return body.error;
  };

  it('bad JSON, and bytes that are not UTF-8 (never read as U+FFFD)', async () => {
    await error(post('/v1/decide', '{"channel":'), 400, 'E_BAD_JSON');
    await error(post('/v1/decide', ''), 400, 'E_BAD_JSON');
    const e = await error(post('/v1/decide', Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])), 400, 'E_BAD_JSON');
    expect(e.message).toContain('UTF-8');
    const bom = await post('/v1/decide', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"channel":"email"}')]));
    expect(bom.status).toBe(200);
  });

  it('not an object', async () => {
    await error(post('/v1/decide', '[1,2]'), 400, 'E_NOT_AN_OBJECT');
    await error(post('/v1/next-question', 'null'), 400, 'E_NOT_AN_OBJECT');
  });

  it('an unknown fact, with did-you-mean and the valid names', async () => {
    const nb = await error(post('/v1/decide', '{"chanel":"email"}'), 400, 'E_UNKNOWN_FACT');
    expect(nb.field).toBe('chanel');
    expect(nb.message).toContain('Mente du «channel»?');
    expect(nb.choices).toContain('channel');
    const en = await error(post('/v1/decide?lang=en', '{"chanel":"email"}'), 400, 'E_UNKNOWN_FACT');
    expect(en.message).toContain('Did you mean “channel”?');
  });

  it('a huge unknown fact name answers quickly, without a suggestion (the name-length limit)', async () => {
    const name = 'x'.repeat(3000);
    const e = await error(post('/v1/decide', JSON.stringify({ [name]: true })), 400, 'E_LIMIT_NAME');
    expect(e.field.length).toBeLessThan(200);
  });

  it('a bad value with the valid choices; a value nested too deep is refused by the depth limit, not a 500', async () => {
    const e = await error(post('/v1/decide', '{"channel":"carrier_pigeon"}'), 400, 'E_BAD_VALUE');
    expect(e.choices).toContain('email');
    expect(e.value).toBe('carrier_pigeon');
    const deep = `{"channel":${'['.repeat(2000)}${']'.repeat(2000)}}`;
    await error(post('/v1/decide', deep), 400, 'E_LIMIT_DEPTH');
  });

  it('a bad date, an unknown or bad query parameter', async () => {
    await error(post('/v1/decide?date=2025-02-30', '{}'), 400, 'E_BAD_DATE');
    const unknown = await error(post('/v1/decide?lnag=en', '{}'), 400, 'E_HTTP_UNKNOWN_PARAMETER');
    expect(unknown.message).toContain('lang');
    expect(unknown.choices).toEqual(['date', 'lang']);
    const lang = await error(post('/v1/decide?lang=de', '{}'), 400, 'E_HTTP_BAD_PARAMETER');
    expect(lang.choices).toEqual(['nb', 'en']);
    await error(post('/v1/decide/batch?date=nope', '{}\n'), 400, 'E_BAD_DATE');
  });

  it('a body over the limit is 413 with a code, whether its length is declared or not', async () => {
    const big = JSON.stringify({ channel: 'email', pad: 'x'.repeat(LIMIT) });
    await error(post('/v1/decide', big), 413, 'E_HTTP_BODY_TOO_LARGE');
    await error(post('/v1/next-question', Buffer.from(big), { 'Transfer-Encoding': 'chunked' }), 413, 'E_HTTP_BODY_TOO_LARGE');
  });

  it('a wrong method is 405 with Allow; an unknown route 404, both as JSON', async () => {
    for (const [method, path, allow] of [['GET', '/v1/decide', 'POST'], ['DELETE', '/v1/decide/batch', 'POST'], ['POST', '/v1/facts', 'GET, HEAD'], ['TRACE', '/healthz', 'GET, HEAD'], ['PUT', '/v1/openapi.json', 'GET, HEAD']] as const) {
      const a = await send(base, method, path, { body: method === 'GET' || method === 'TRACE' ? undefined : '{}' });
      expect(a.status, `${method} ${path}`).toBe(405);
      expect(a.headers.allow).toBe(allow);
      expect(json(a).error.code).toBe('E_HTTP_METHOD');
    }
    const missing = await get('/v1/decid');
    expect(missing.status).toBe(404);
    expect(json(missing).error.code).toBe('E_HTTP_NOT_FOUND');
  });
});

describe('POST /v1/decide/batch', () => {
  it('answers line n for line n in: blank lines, CRLF, a bare CR inside a line, bad lines', async () => {
    const lines = ['{"channel":"email"}', '', JSON.stringify(COMPLETE_EMAIL), '{"chanel":1}', 'not json', '{"channel":"sms_mms",\r"recipientType":"private_person"}', '   ', '[1]', '{"channel":"\u00ff"}'];
    const body = Buffer.from(`${lines.join('\r\n')}\n`, 'latin1');
    const a = await post('/v1/decide/batch?lang=en', body);
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const out = a.text.split('\n');
    expect(out.at(-1)).toBe('');
    expect(out.length - 1).toBe(lines.length);
    const parsed = out.slice(0, -1).map((l) => (l === '' ? null : JSON.parse(l)));
    expect(parsed[0].missing[0]).toBe('recipientType');
    expect(parsed[1]).toBeNull();
    expect(parsed[2]).toEqual(JSON.parse(JSON.stringify(decide(tables, COMPLETE_EMAIL, { lang: 'en' }))));
    expect(parsed[3].error).toMatchObject({ code: 'E_UNKNOWN_FACT', line: 4 });
    expect(parsed[4].error).toMatchObject({ code: 'E_BAD_JSON', line: 5 });
    expect(parsed[5].missing).toBeDefined();
    expect(parsed[6]).toBeNull();
    expect(parsed[7].error).toMatchObject({ code: 'E_NOT_AN_OBJECT', line: 8 });
    expect(parsed[8].error).toMatchObject({ code: 'E_BAD_JSON', line: 9 });
    expect(parsed[8].error.message).toContain('UTF-8');
  });

  it('a line over the limit gets its own error and the lines after it go on; a last line without \\n counts', async () => {
    const body = `{"channel":"email"}\n{"pad":"${'x'.repeat(LIMIT * 3)}"}\n{"channel":"sms_mms"}`;
    const out = (await post('/v1/decide/batch', body)).text.split('\n').filter((l) => l !== '');
    expect(out).toHaveLength(3);
    expect(JSON.parse(out[1]!).error).toMatchObject({ code: 'E_HTTP_LINE_TOO_LARGE', line: 2 });
    expect(JSON.parse(out[2]!).missing).toContain('recipientType');
  });
});

describe('headers and compression', () => {
  it('every answer of this file carries the security headers and the pack version', () => {
    expect(answers.length).toBeGreaterThan(20);
    for (const a of answers) {
      const where = `${a.method} ${a.path} → ${a.status}`;
      expect(a.headers['content-security-policy'], where).toContain("frame-ancestors 'none'");
      expect(a.headers['x-content-type-options'], where).toBe('nosniff');
      expect(a.headers['referrer-policy'], where).toBe('no-referrer');
      expect(a.headers['permissions-policy'], where).toContain('camera=()');
      expect(a.headers['lovkode-pack-version'], where).toBe(tables.version);
      expect(a.headers['strict-transport-security'], where).toBeUndefined();
    }
  });

  it('HSTS only when the request came over HTTPS (here: through a trusted proxy)', async () => {
    const a = await get('/healthz', { 'X-Forwarded-Proto': 'https' });
    expect(a.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  });

  it('brotli or gzip as the client accepts, the same JSON after decompression, Vary: Accept-Encoding', async () => {
    const plain = await get('/v1/facts');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toContain('Accept-Encoding');
    for (const [accept, encoding] of [['br, gzip', 'br'], ['gzip', 'gzip'], ['gzip;q=0, identity', undefined], ['deflate', undefined]] as const) {
      const a = await get('/v1/facts', { 'Accept-Encoding': accept });
      expect(a.headers['content-encoding'], accept).toBe(encoding);
      expect(a.headers.vary).toContain('Accept-Encoding');
      expect(a.text).toBe(plain.text);
      if (encoding) expect(a.raw.length).toBeLessThan(plain.raw.length / 3);
    }
    const batch = await post('/v1/decide/batch', '{"channel":"email"}\n'.repeat(200), { 'Accept-Encoding': 'gzip' });
    expect(batch.headers['content-encoding']).toBe('gzip');
    expect(batch.text.split('\n')).toHaveLength(201);
    const small = await get('/healthz', { 'Accept-Encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('chooseEncoding honours q-values and wildcards', () => {
    expect(chooseEncoding(undefined)).toBeUndefined();
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*, br;q=0')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeUndefined();
  });

  it('a handler that fails gives a plain 500 and one log line, never a stack trace', async () => {
    const logged: string[] = [];
    const listener = harden(() => {
      throw new Error('boom\n    at somewhere (file.ts:1:1)');
    }, { csp: API_CSP, methods: () => undefined, log: (l) => logged.push(l) });
    const { server: s, url } = await listen(listener, '127.0.0.1', 0);
    try {
      const a = await send(url, 'GET', '/x');
      expect(a.status).toBe(500);
      expect(json(a).error.code).toBe('E_HTTP_INTERNAL');
      expect(a.text).not.toContain('at somewhere');
      expect(logged).toEqual(['lovkode: E_HTTP_INTERNAL: GET /x: boom']);
    } finally {
      s.close();
    }
  });
});

describe('contract: every answer above matches the OpenAPI document', () => {
  it('the document’s schemas compile under strict JSON Schema 2020-12', async () => {
    const doc = json(await get('/v1/openapi.json'));
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const defs = JSON.parse(JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'));
    ajv.addSchema({ $id: 'urn:lovkode:components', $defs: defs });
    for (const name of Object.keys(doc.components.schemas)) expect(() => ajv.getSchema(`urn:lovkode:components#/$defs/${name}`)).not.toThrow();
  });

  it('validates status, media type and body of every answer', async () => {
    const doc = json(await get('/v1/openapi.json'));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'urn:lovkode:openapi', components: doc.components, paths: doc.paths });
    const pointer = (...parts: string[]) => `urn:lovkode:openapi#/${parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
    const checked = answers.filter((a) => a.method !== 'HEAD' && a.status !== 500);
    expect(checked.length).toBeGreaterThan(30);
    for (const a of checked) {
      const where = `${a.method} ${a.path} → ${a.status}`;
      const path = a.path.split('?')[0]!;
      const op = doc.paths[path]?.[a.method.toLowerCase()];
      let schemaRef = pointer('components', 'schemas', 'Error');
      let type = 'application/json';
      if (op) {
        const response = op.responses[String(a.status)];
        expect(response, `${where}: status not documented`).toBeDefined();
        type = Object.keys(response.content)[0]!;
        schemaRef = pointer('paths', path, a.method.toLowerCase(), 'responses', String(a.status), 'content', type, 'schema');
      } else {
        expect([404, 405], `${where}: undocumented route`).toContain(a.status);
      }
      expect(a.headers['content-type'], where).toMatch(new RegExp(`^${type.replace(/[+/]/g, '\\$&')}`));
      const validate = ajv.getSchema(schemaRef) ?? ajv.compile({ $ref: schemaRef });
      const bodies = type === 'application/x-ndjson' ? a.text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l)) : [JSON.parse(a.text)];
      for (const body of bodies) {
        const ok = validate(body);
        expect(ok, `${where}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
      }
    }
  });
});
