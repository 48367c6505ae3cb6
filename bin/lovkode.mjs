#!/usr/bin/env node
// The `lovkode` command: runs the built CLI (lib/cli.js, plain JavaScript; `npm ci` or
// `npm run build:lib` builds it). Errors are one line with a stable code; the exit code is the command's.
let cli;
try {
  cli = await import('../lib/cli.js');
} catch (err) {
  const missing = err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('lib/cli.js');
  process.stderr.write(
    missing
      ? 'lovkode: E_NOT_BUILT: lib/cli.js mangler; kjør «npm run build:lib» i lovkode-mappen. / lib/cli.js is missing; run «npm run build:lib» in the lovkode folder.\n'
      : `lovkode: E_INTERNAL: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n`,
  );
  if (process.env.LOVKODE_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exit(3);
}
process.exitCode = await cli.main();
