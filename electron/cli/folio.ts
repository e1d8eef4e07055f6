#!/usr/bin/env node
import { FolioError } from '../../shared/api/api-error.ts';
import { EXIT_FAILED, UsageError, humanIo, processIo, type CliIo } from './cli-context.ts';
import { collectionCommand } from './commands/collection-command.ts';
import { exportCommand } from './commands/export-command.ts';
import { importCommand } from './commands/import-command.ts';
import { keyCommand } from './commands/key-command.ts';
import { listCommand } from './commands/list-command.ts';
import { relatedCommand } from './commands/related-command.ts';
import { searchCommand } from './commands/search-command.ts';
import { syncCommand } from './commands/sync-command.ts';
import { itemCommand } from './commands/item-command.ts';
import { historyCommand, undoRedoCommand } from './commands/history-command.ts';

const USAGE = `Usage: folio <command> [options]   (the library: --library DIR, FOLIO_LIBRARY, or the app's default)

  import FILE|FOLDER... (.bib .ris .json .txt .pdf .html) [--collection NAME] [--format bibtex|ris|csl-json|listing|html] [--dry-run]
  export [--format bibtex|biblatex|csl-json|ris] [--collection NAME | --saved NAME | --keys k1,k2 | --aux FILE] [-o FILE]
  list [--json] [--trash] [--saved NAME]
  search QUERY [--json] [--limit N]        (the query language: docs/search.md; exit 2 for a malformed query)
  search saved add NAME QUERY | search saved list | search saved remove NAME
  related --key KEY [--json] [--limit N]
  collection add NAME [--parent NAME]
  collection assign NAME --keys k1,k2
  key regenerate|pin|unpin --keys k1,k2 [--dry-run]
  item set --key KEY FIELD=VALUE...        (title, year, venue, doi, abstract, note, tags=a,b, read=unread|reading|read)
  item trash|restore|purge --key KEY
  sync --folder SYNCDIR [--name DEVICE]    (one exchange; the first joins the library to the folder: docs/sync.md)
  history --key KEY [--json]
  undo [--steps N] | redo [--steps N]      (this library's last changes, also after a restart)

Every command takes --accept-salvage: go on with a damaged library.json from which not everything
could be read (without it Folio says what would be lost and changes nothing).

Exit codes: 0 done, 2 done but some entries were skipped or not found, 1 failed (nothing written).
`;

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  import: importCommand,
  export: exportCommand,
  list: listCommand,
  collection: collectionCommand,
  key: keyCommand,
  search: searchCommand,
  related: relatedCommand,
  sync: syncCommand,
  item: itemCommand,
  history: historyCommand,
  undo: undoRedoCommand('undo'),
  redo: undoRedoCommand('redo'),
};

export async function runCli(argv: string[], rawIo: CliIo = processIo): Promise<number> {
  const io = humanIo(rawIo);
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

/**
 * The process entry. A promise that never settles would end the process with Node's exit 13 and no
 * word at all; the exit hook turns that (and only that) into a sentence and exit 1.
 */
export async function main(argv: string[], io: CliIo = processIo, run: typeof runCli = runCli): Promise<void> {
  let finished = false;
  const unfinished = (): void => {
    if (finished) return;
    io.err(`folio ${argv[0] ?? ''}: the command stopped before it finished (an operation never completed). Anything not reported as done was not done. This is a bug in Folio; please report it.\n`);
    process.exitCode = EXIT_FAILED;
  };
  process.once('exit', unfinished);
  const code = await run(argv, io);
  finished = true;
  process.removeListener('exit', unfinished);
  process.exitCode = code;
}

if (import.meta.main) await main(process.argv.slice(2));
