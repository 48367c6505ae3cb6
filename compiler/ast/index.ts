/** The shared AST types and the CST → AST builder. */
export * from './types.ts';
export { AstBuilder, unescapeString } from './build.ts';
