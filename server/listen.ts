/**
 * Starting a server: listen on a host and port, and turn the errors of the environment (port in
 * use, no permission, unknown host) into one clear line with a stable code instead of a stack trace.
 */
import { createServer, type RequestListener, type Server } from 'node:http';

/** Why a server could not start: a stable code and the message in both languages. */
export class ListenError extends Error {
  readonly code: 'E_PORT_IN_USE' | 'E_PORT_DENIED' | 'E_BAD_HOST' | 'E_LISTEN';
  readonly text: { nb: string; en: string };
  constructor(code: ListenError['code'], text: { nb: string; en: string }) {
    super(`${code}: ${text.en}`);
    this.code = code;
    this.text = text;
  }
}

/** Why `listen` failed, as a ListenError. */
function listenError(err: NodeJS.ErrnoException, host: string, port: number): ListenError {
  const where = `${host}:${port}`;
  switch (err.code) {
    case 'EADDRINUSE':
      return new ListenError('E_PORT_IN_USE', {
        nb: `Port ${port} på ${host} er allerede i bruk. Stopp den andre tjenesten, eller velg en annen port med --port (eller PORT).`,
        en: `Port ${port} on ${host} is already in use. Stop the other service, or choose another port with --port (or PORT).`,
      });
    case 'EACCES':
      return new ListenError('E_PORT_DENIED', {
        nb: `Ingen tilgang til å lytte på ${where}; porter under 1024 krever ekstra rettigheter. Velg en port over 1024.`,
        en: `Not allowed to listen on ${where}; ports below 1024 need extra privileges. Choose a port above 1024.`,
      });
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ListenError('E_BAD_HOST', { nb: `Kan ikke lytte på adressen ${host}: den finnes ikke på denne maskinen.`, en: `Cannot listen on address ${host}: it is not on this machine.` });
    default:
      return new ListenError('E_LISTEN', { nb: `Kunne ikke lytte på ${where}: ${err.message}`, en: `Could not listen on ${where}: ${err.message}` });
  }
}

/** Creates an HTTP server for the listener and starts it; resolves once it listens, with its URL. */
export async function listen(listener: RequestListener, host: string, port: number): Promise<{ server: Server; url: string }> {
  const server = createServer({ requestTimeout: 120_000, headersTimeout: 30_000 }, listener);
  // A malformed request gets a plain 400 and is not logged (Node's default answer, without the noise).
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(listenError(err, host, port)));
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return { server, url: `http://${shown}:${actual}` };
}

/** Validates a port number given as text: an integer 0–65535 (0 = any free port). */
export function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= 65_535 ? n : undefined;
}
