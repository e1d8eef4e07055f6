#!/usr/bin/env node
// The `folio` bin: the bundled CLI when it is current (see cli-entry.js), else Node 24 runs the TypeScript sources
// directly (type stripping).
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';
import { pickCliEntry } from './cli-entry.js';

// Node keeps the compiled (and type-stripped) modules in its cache folder: later runs skip that work.
// Best effort: a read-only or full temp folder only costs the speed-up.
enableCompileCache();
const root = fileURLToPath(new URL('../../', import.meta.url));
const entry = pickCliEntry(root, fileURLToPath(new URL('../../out/cli/', import.meta.url)));
if (process.env.FOLIO_CLI_TRACE) process.stderr.write(`folio: running ${entry.bundled ? 'the bundle' : `the sources (${entry.reason})`}\n`);
const { main } = await import(entry.url.href);

await main(process.argv.slice(2));
