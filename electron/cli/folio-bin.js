#!/usr/bin/env node
// The `folio` bin: Node 24 runs the TypeScript CLI directly (type stripping).
import { runCli } from './folio.ts';

process.exitCode = await runCli(process.argv.slice(2));
