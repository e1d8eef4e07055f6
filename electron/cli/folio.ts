#!/usr/bin/env node
import { FolioError } from '../../shared/api/api-error.ts';
import { EXIT_FAILED, UsageError, processIo, type CliIo } from './cli-context.ts';
import { collectionCommand } from './commands/collection-command.ts';
import { exportCommand } from './commands/export-command.ts';
import { importCommand } from './commands/import-command.ts';
import { keyCommand } from './commands/key-command.ts';
import { listCommand } from './commands/list-command.ts';

const USAGE = `Usage: folio <command> [options]   (the library: --library DIR, FOLIO_LIBRARY, or the app's default)

  import FILE|FOLDER... (.bib .ris .json .txt .pdf .html) [--collection NAME] [--format bibtex|ris|csl-json|listing|html] [--dry-run]
  export [--format bibtex|biblatex|csl-json|ris] [--collection NAME | --keys k1,k2 | --aux FILE] [-o FILE]
  list [--json] [--trash]
  collection add NAME [--parent NAME]
  collection assign NAME --keys k1,k2
  key regenerate|pin|unpin --keys k1,k2 [--dry-run]

Exit codes: 0 done, 2 done but some entries were skipped or not found, 1 failed (nothing written).
`;

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  import: importCommand,
  export: exportCommand,
  list: listCommand,
  collection: collectionCommand,
  key: keyCommand,
};

export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : EXIT_FAILED;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`folio: unknown command "${name}"\n\n${USAGE}`);
    return EXIT_FAILED;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) io.err(`folio ${name}: ${error.message}\n`);
    else if (error instanceof FolioError) io.err(`folio ${name}: ${error.message}\n`);
    else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) io.err(`folio ${name}: ${error.message}\n`);
    else io.err(`folio ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_FAILED;
  }
}

if (import.meta.main) {
  process.exitCode = await runCli(process.argv.slice(2));
}
