#!/usr/bin/env node
// The `folio` bin: Node 24 runs the TypeScript CLI directly (type stripping).
import { enableCompileCache } from 'node:module';

// Node keeps the compiled (and type-stripped) modules in its cache folder: later runs skip that work.
// Best effort: a read-only or full temp folder only costs the speed-up.
enableCompileCache();
const { main } = await import('./folio.ts');

await main(process.argv.slice(2));
