/**
 * Run in a fresh process by bench/engine.ts: imports the compiler and compiles rules/main.lov once,
 * cold, and prints the two times as one JSON line.
 */
import { performance } from 'node:perf_hooks';

const t0 = performance.now();
const { compilePack, DEFAULT_RULES } = await import('../compiler/pipeline.ts');
const t1 = performance.now();
const result = compilePack([DEFAULT_RULES]);
const t2 = performance.now();
if (!result.pack) throw new Error('bench: rules/main.lov does not compile');
process.stdout.write(`${JSON.stringify({ importMs: t1 - t0, compileMs: t2 - t1 })}\n`);
