/** What the loader reads through: a file system, or a record of sources in memory. */
import type { PathOps } from './posix.ts';

/** Why a host would not read a file: a LOV102x diagnostic code and its arguments after the path. */
export interface Refusal {
  code: 'LOV1020' | 'LOV1023' | 'LOV1024' | 'LOV1025' | 'LOV1026';
  args: string[];
}

export interface LoadHost {
  readFile(path: string): string | undefined;
  /** Why `readFile(path)` gave nothing although the file may exist (outside the pack, not a regular file, …). */
  refusal?(path: string): Refusal | undefined;
  isDirectory(path: string): boolean;
  /** The `*.lov` files directly in `dir` (absolute paths, sorted). */
  listLov(dir: string): string[];
  /** Path arithmetic for this host; default pure posix (no working directory). */
  paths?: PathOps;
}
