#!/usr/bin/env node
// The `lovkode` command: registers tsx (TypeScript for Node 20 without a global loader) and runs
// compiler/cli/main.ts. Errors are one line with a stable code; the exit code is the command's.
import { register } from 'tsx/esm/api';

try {
  // tsconfig: false — tsx must not pick up whatever tsconfig.json lies in the user's directory.
  register({ tsconfig: false });
  const { main } = await import('../compiler/cli/main.ts');
  process.exitCode = await main();
} catch (err) {
  const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
  process.stderr.write(
    `lovkode: E_INTERNAL: ${detail}\n` +
      'Dette er en feil i lovkode; meld den gjerne. / This is a bug in lovkode; please report it.\n',
  );
  if (process.env.LOVKODE_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exitCode = 3;
}
