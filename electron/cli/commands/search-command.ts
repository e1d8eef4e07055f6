import { parseArgs } from 'node:util';
import type { FolioService } from '../../services/folio-service.ts';
import { FolioError } from '../../../shared/api/api-error.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import { ACCEPT_SALVAGE_OPTION, EXIT_FAILED, EXIT_OK, UsageError, withLibrary, type CliIo } from '../cli-context.ts';
import { terminalField } from '../terminal-text.ts';

/** A malformed query: the error and its position, as the search box shows it. */
export const EXIT_BAD_QUERY = 2;

const USAGE = 'usage: folio search [--json] [--limit N] QUERY | folio search saved add NAME QUERY | saved list | saved remove NAME';

/** The items a saved search matches now, best first. */
export async function savedSearchIds(service: FolioService, name: string): Promise<ItemId[]> {
  const saved = (await service.api.search.listSaved()).find((s) => s.name === name);
  if (!saved) throw new FolioError('NOT_FOUND', `No saved search named "${name}"`);
  const answer = await service.api.search.query({ query: saved.query });
  if (!answer.ok) throw new FolioError('INVALID_ARGUMENT', `Saved search "${name}" has an error at ${answer.error.span.start + 1}: ${answer.error.message}`);
  return answer.hits.map((h) => h.id);
}

function pointer(query: string, start: number, end: number): string {
  return `  ${query}\n  ${' '.repeat(start)}${'^'.repeat(Math.max(1, end - start))}\n`;
}

async function runQuery(service: FolioService, query: string, json: boolean, limit: number | undefined, io: CliIo): Promise<number> {
  // A one-shot search reads the text of PDFs it has not read yet, so full-text queries see every attachment.
  await service.search.extractMissing();
  const answer = await service.api.search.query({ query, ...(limit === undefined ? {} : { limit }) });
  if (!answer.ok) {
    const { message, span } = answer.error;
    io.err(`folio search: the query has an error at column ${span.start + 1}: ${message}\n${pointer(query, span.start, span.end)}`);
    return EXIT_BAD_QUERY;
  }
  if (json) {
    const out = answer.hits.map((h) => ({
      key: h.key, score: h.score, title: h.title,
      ...(h.snippet === undefined ? {} : { snippet: h.snippet }), ...(h.page === undefined ? {} : { page: h.page }),
    }));
    io.data(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT_OK;
  }
  answer.hits.forEach((h, i) => {
    const year = service.store.getItem(h.id)?.csl.issued?.['date-parts']?.[0]?.[0] ?? '';
    io.out(`${i + 1}\t${terminalField(h.key)}\t${year}\t${terminalField(h.title)}\n`);
    if (h.snippet) io.out(`\t${h.page === undefined ? '' : `p. ${h.page}: `}${terminalField(h.snippet)}\n`);
  });
  if (answer.total > answer.hits.length) io.err(`${answer.total - answer.hits.length} more; use --limit to see them\n`);
  return EXIT_OK;
}

async function savedCommand(argv: string[], library: string | undefined, io: CliIo): Promise<number> {
  const [action, ...rest] = argv;
  return withLibrary(library, io, async (service) => {
    switch (action) {
      case 'add': {
        const [name, query] = rest;
        if (!name || query === undefined || rest.length !== 2) throw new UsageError('usage: folio search saved add NAME QUERY');
        const existing = (await service.api.search.listSaved()).some((s) => s.name === name);
        await service.api.search.save(name, query, existing ? name : null);
        io.err(`${existing ? 'Updated' : 'Saved'} search "${name}"\n`);
        return EXIT_OK;
      }
      case 'list': {
        for (const s of await service.api.search.listSaved()) io.out(`${terminalField(s.name)}\t${s.count ?? 'error'}\t${terminalField(s.query)}\n`);
        return EXIT_OK;
      }
      case 'remove': {
        const [name] = rest;
        if (!name || rest.length !== 1) throw new UsageError('usage: folio search saved remove NAME');
        await service.api.search.removeSaved(name);
        io.err(`Removed saved search "${name}"\n`);
        return EXIT_OK;
      }
      default:
        throw new UsageError(USAGE);
    }
  });
}

export async function searchCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { library: { type: 'string' }, ...ACCEPT_SALVAGE_OPTION, json: { type: 'boolean', default: false }, limit: { type: 'string' } },
  });
  if (positionals[0] === 'saved') return savedCommand(positionals.slice(1), values.library, io);
  if (positionals.length !== 1) throw new UsageError(`${USAGE} (quote the query: it is one argument)`);
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a whole number of 1 or more');
  }
  const query = positionals[0] as string;
  return withLibrary(values.library, io, (service) => runQuery(service, query, values.json, limit, io), { readOnly: true, acceptSalvage: values['accept-salvage'] }).catch((error: unknown) => {
    if (error instanceof FolioError) throw error;
    io.err(`folio search: ${(error as Error).message}\n`);
    return EXIT_FAILED;
  });
}
