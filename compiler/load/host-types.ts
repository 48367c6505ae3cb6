/** What the loader reads through: a file system, or a record of sources in memory. */
import type { PathOps } from './posix.ts';

export interface LoadHost {
  readFile(path: string): string | undefined;
  isDirectory(path: string): boolean;
  /** The `*.lov` files directly in `dir` (absolute paths, sorted). */
  listLov(dir: string): string[];
  /** Path arithmetic for this host; default pure posix (no working directory). */
  paths?: PathOps;
}
