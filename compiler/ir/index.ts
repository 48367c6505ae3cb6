/**
 * The intermediate representation and its compilation: `lower` turns a checked program into an
 * IRPack (names resolved to indices, conditions inlined, obligation sets expanded); `build` turns
 * that into reduced, ordered decision diagrams per period in force; `freeze` writes them as the
 * JSON tables the runtime decides with.
 */
export type * from './types.ts';
export { lower, foldText, sectionOf, packVersion } from './lower.ts';
export { build, freeze, epochStarts, inForce, nextDay, newBuilder, type BuiltPack, type Leaf } from './compile.ts';
export { MddBuilder, type Handle } from './mdd.ts';
