/**
 * A JSON Schema (2020-12) of a pack's facts object: what `lovkode build` writes as NAME.schema.json
 * and what the web API's OpenAPI document uses for its request bodies. No esbuild, no compiler: the
 * web server imports it.
 */
import type { Tables } from '../runtime/tables.ts';

/** A JSON Schema (2020-12) of the facts object: `generateSchema(tables)`. */
export function generateSchema(tables: Tables): object {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'lovkode facts',
    description: `The facts of a case for rule pack version ${tables.version}. A fact left out, or null, is unknown.`,
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(
      tables.facts.map((f) => [
        f.name,
        {
          description: f.question.en,
          ...(f.type === 'boolean' ? { type: ['boolean', 'null'] } : { enum: [...f.values, null] }),
        },
      ]),
    ),
  };
}
