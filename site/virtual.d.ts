/** Types of the virtual modules site/build/vite-pack.mjs serves from the compiled rule pack. */
declare module 'virtual:lovkode/tables' {
  const tables: import('../compiler/runtime/tables.ts').Tables;
  export default tables;
}
declare module 'virtual:lovkode/reference' {
  const reference: import('./lib/reference-types.ts').PackReference;
  export default reference;
}
declare module 'virtual:lovkode/version' {
  const version: string;
  export default version;
}
