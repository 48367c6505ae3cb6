/**
 * Code generation targets: `lovkode build` writes a pack as a standalone ES module with its types
 * and a JSON Schema of the facts (`js`), or as one SQL query (`sql`).
 */
import type { Tables } from '../runtime/tables.ts';
import { generateModule, generateSchema, generateTypes } from './module.ts';
import { generateSql, type SqlOptions } from './sql.ts';

export { generateModule, generateSchema, generateTypes, generateSql, type SqlOptions };

/** The files of a build, by file name: `artifacts(tables, { target: 'js', name: 'no' })`. */
export function artifacts(tables: Tables, options: { target: 'js' | 'sql'; name: string; sql?: SqlOptions }): Map<string, string> {
  if (options.target === 'sql') return new Map([[`${options.name}.sql`, generateSql(tables, options.sql!)]]);
  return new Map([
    [`${options.name}.mjs`, generateModule(tables)],
    [`${options.name}.d.ts`, generateTypes(tables)],
    [`${options.name}.schema.json`, `${JSON.stringify(generateSchema(tables), null, 2)}\n`],
  ]);
}
