export * from './ids.ts';
export * from './csl.ts';
export * from './bibtex-source.ts';
export * from './annotation.ts';
export * from './item.ts';
export * from './item-row.ts';
export * from './collection.ts';
export * from './library-doc.ts';
