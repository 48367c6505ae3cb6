/**
 * Where the package's own files are. This module sits one folder below the package root both in the
 * sources (compiler/) and in the build (lib/), so these URLs hold in both; modules deeper in the
 * sources import them from here instead of counting `../` themselves.
 */

/** The package root (where package.json and rules/ are). */
export const PACKAGE_ROOT = new URL('../', import.meta.url);
