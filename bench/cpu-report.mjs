// Preloaded into each start-up process by bench/startup.ts (`node --import`): at exit, writes the
// process's CPU time (user + system, all threads, microseconds) to file descriptor 3, which is far
// less sensitive than wall time to other load on the machine.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  try {
    writeSync(3, String(user + system));
  } catch {
    // Not run by the benchmark: nowhere to report.
  }
});
