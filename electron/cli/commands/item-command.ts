import { parseArgs } from 'node:util';
import type { ItemPatch } from '../../../shared/api/library-types.ts';
import type { ReadStatus } from '../../../shared/model/item.ts';
import { ACCEPT_SALVAGE_OPTION, EXIT_OK, EXIT_PARTIAL, UsageError, idsForKeys, withLibrary, type CliIo } from '../cli-context.ts';

const USAGE = 'folio item set --library DIR --key KEY FIELD=VALUE...   (FIELD: title, year, venue, doi, abstract, note, tags, read)\n       folio item trash|restore|purge --library DIR --key KEY   (purge: only an item in the trash)';
const CSL_FIELDS: Record<string, string> = { title: 'title', venue: 'container-title', doi: 'DOI', abstract: 'abstract' };
const READ: readonly ReadStatus[] = ['unread', 'reading', 'read'];

interface Edit {
  patch: ItemPatch;
  note: string | null;
}

/** Parses FIELD=VALUE pairs; the first bad one is named. */
function parseAssignments(pairs: readonly string[]): Edit | string {
  const csl: Record<string, unknown> = {};
  const patch: ItemPatch = {};
  let note: string | null = null;
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return `"${pair}" is not FIELD=VALUE`;
    const field = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    if (field in CSL_FIELDS) csl[CSL_FIELDS[field] as string] = value === '' ? null : value;
    else if (field === 'year') {
      if (value === '') csl.issued = null;
      else if (!/^-?\d{1,4}$/.test(value)) return `year must be a number, not "${value}"`;
      else csl.issued = { 'date-parts': [[Number(value)]] };
    } else if (field === 'tags') patch.tags = value.split(',').map((t) => t.trim()).filter((t) => t.length > 0);
    else if (field === 'read') {
      if (!READ.includes(value as ReadStatus)) return `read must be unread, reading or read, not "${value}"`;
      patch.read = value as ReadStatus;
    } else if (field === 'note') note = value;
    else return `unknown field "${field}" (one of title, year, venue, doi, abstract, note, tags, read)`;
  }
  if (Object.keys(csl).length > 0) patch.csl = csl;
  return { patch, note };
}

/** `folio item set`: scripted edits through the same service methods as the window. */
export async function itemCommand(argv: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = argv;
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { library: { type: 'string' }, key: { type: 'string' }, ...ACCEPT_SALVAGE_OPTION } });
  if ((action === 'trash' || action === 'restore' || action === 'purge') && values.key && positionals.length === 0) {
    const key = values.key;
    return withLibrary(values.library, io, async (service) => {
      const ids = idsForKeys(service, [key]);
      if (action === 'trash') await service.api.library.trash(ids);
      else if (action === 'restore') await service.api.library.restore(ids);
      else if ((await service.api.library.purge(ids)) === 0) {
        io.err(`folio item purge: ${key} is not in the trash (trash it first)\n`);
        return EXIT_PARTIAL;
      }
      io.out(`${action === 'trash' ? 'Moved' : action === 'restore' ? 'Restored' : 'Purged'} ${key}\n`);
      return EXIT_OK;
    }, { acceptSalvage: values['accept-salvage'] });
  }
  if (action !== 'set' || !values.key || positionals.length === 0) throw new UsageError(USAGE);
  const edit = parseAssignments(positionals);
  if (typeof edit === 'string') {
    io.err(`folio item set: ${edit}\n`);
    return EXIT_PARTIAL;
  }
  const key = values.key;
  return withLibrary(values.library, io, async (service) => {
    const [id] = idsForKeys(service, [key]);
    if (!id) throw new UsageError(USAGE);
    if (Object.keys(edit.patch).length > 0) await service.api.library.updateItem(id, edit.patch);
    if (edit.note !== null) await service.api.notes.save(id, edit.note);
    io.out(`Updated ${key}\n`);
    return EXIT_OK;
  }, { acceptSalvage: values['accept-salvage'] });
}
