/**
 * Real HTTP for the server tests: one request with node:http (no client-side decompression, so the
 * tests see exactly what the server sent), the body decompressed separately, and a record of every
 * answer for the contract test.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** One answer as the client received it. */
export interface Answer {
  method: string;
  path: string;
  status: number;
  headers: IncomingHttpHeaders;
  /** The raw bytes as sent (compressed, if the server compressed). */
  raw: Buffer;
  /** The body, decompressed, as text. */
  text: string;
}

/** Every answer received by `send`, in order (the contract test validates them all). */
export const answers: Answer[] = [];

/** Sends one request to `base` and reads the whole answer. */
export function send(base: string, method: string, path: string, options: { body?: string | Buffer; headers?: Record<string, string> } = {}): Promise<Answer> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const headers = { ...(options.body !== undefined && !options.headers?.['Transfer-Encoding'] ? { 'Content-Length': String(Buffer.byteLength(options.body)) } : {}), ...options.headers };
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const plain = encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
        const answer = { method, path, status: res.statusCode ?? 0, headers: res.headers, raw, text: plain.toString('utf8') };
        answers.push(answer);
        resolve(answer);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The answer's body as JSON. */
export function json(answer: Answer): any {
  return JSON.parse(answer.text);
}
