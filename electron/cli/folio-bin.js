#!/usr/bin/env node
// The `folio` bin: Node 24 runs the TypeScript CLI directly (type stripping).
import { main } from './folio.ts';

await main(process.argv.slice(2));
