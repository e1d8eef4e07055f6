#!/usr/bin/env node
// `npm run web`: the web host bundled in out/webhost/ when it is current (see ../cli/cli-entry.js), else Node 24 runs
// the TypeScript sources. Bundled, it starts as Electron's bundled main process does, without type-stripping some
// 300 modules first.
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';
import { pickCliEntry } from '../cli/cli-entry.js';

enableCompileCache();
const root = fileURLToPath(new URL('../../', import.meta.url));
const entry = pickCliEntry(root, fileURLToPath(new URL('../../out/webhost/', import.meta.url)), 'electron/webhost/web-main.ts');
if (process.env.FOLIO_CLI_TRACE) process.stderr.write(`folio web: running ${entry.bundled ? 'the bundle' : `the sources (${entry.reason})`}\n`);
await import(entry.url.href);
