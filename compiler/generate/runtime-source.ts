/**
 * The runtime text that `generateModule` embeds. From the sources it is bundled on first use
 * (runtime-bundle.ts, with esbuild); the package build (scripts/build.ts) replaces this module by
 * one that returns the prebuilt text, so the built compiler needs neither esbuild nor `node:*`.
 */
import { bundleRuntime } from './runtime-bundle.ts';

let cached: string | undefined;

/** The embedded runtime: `const runtime = (() => { … })();`. */
export function runtimeSource(): string {
  return (cached ??= bundleRuntime());
}
