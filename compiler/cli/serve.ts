/**
 * `lovkode serve`: the web API (server/api.ts) over the bundled pack or `--rules`, on one host and
 * port, with the security headers and compression of server/http.ts. Runs until SIGINT or SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { PACKAGE_ROOT } from '../root.ts';
import { CliError, stringFlag, type ParsedArgs } from './args.ts';
import type { Context } from './commands.ts';
import { EXIT, write } from './io.ts';
import { packFor } from './packs.ts';
import { noPositionals } from './decide.ts';
import { apiListener, createApi } from '../../server/api.ts';
import { API_CSP, harden } from '../../server/http.ts';
import { ListenError, listen, parsePort } from '../../server/listen.ts';

/** The package version, for the OpenAPI document. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('package.json', PACKAGE_ROOT), 'utf8')) as { version: string }).version;
}

/** Runs `serve`; resolves with exit code 0 when stopped by a signal. */
export async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  noPositionals(args, 'serve');
  const portText = stringFlag(args, 'port') ?? process.env.PORT ?? '8080';
  const port = parsePort(portText);
  if (port === undefined) {
    throw new CliError('E_BAD_PORT', {
      nb: `Ugyldig port «${portText}»: skriv et heltall fra 0 til 65535 (0 = en ledig port).`,
      en: `Invalid port “${portText}”: write a whole number from 0 to 65535 (0 = any free port).`,
    });
  }
  const host = stringFlag(args, 'host') ?? '127.0.0.1';
  const pack = await packFor(stringFlag(args, 'rules'), ctx);
  const app = createApi({ tables: pack.tables, packageVersion: packageVersion() });
  const listener = harden(apiListener(app), { csp: API_CSP, methods: () => undefined, trustProxy: Boolean(process.env.TRUST_PROXY) });
  let started;
  try {
    started = await listen(listener, host, port);
  } catch (err) {
    if (err instanceof ListenError) throw new CliError(err.code, err.text, EXIT.usage);
    throw err;
  }
  const { server, url } = started;
  await write(ctx.io.stdout, ctx.lang === 'nb'
    ? `lovkode serve: lytter på ${url} (regelsett ${pack.tables.version}); stopp med Ctrl+C\n`
    : `lovkode serve: listening on ${url} (rule pack ${pack.tables.version}); stop with Ctrl+C\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return EXIT.ok;
}
