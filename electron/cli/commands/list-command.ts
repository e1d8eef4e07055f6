import { parseArgs } from 'node:util';
import { toItemRow } from '../../../shared/model/item-row.ts';
import { ACCEPT_SALVAGE_OPTION, EXIT_OK, withLibrary, type CliIo } from '../cli-context.ts';
import { terminalField } from '../terminal-text.ts';
import { savedSearchIds } from './search-command.ts';

export async function listCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { library: { type: 'string' }, ...ACCEPT_SALVAGE_OPTION, json: { type: 'boolean', default: false }, trash: { type: 'boolean', default: false }, saved: { type: 'string' } },
  });
  return withLibrary(values.library, io, async (service) => {
    let items = [...service.store.items()].filter((i) => (i.trashedAt !== null) === values.trash);
    if (values.saved !== undefined) {
      // In the saved search's order: best match first.
      const order = new Map((await savedSearchIds(service, values.saved)).map((id, i) => [id, i]));
      items = items.filter((i) => order.has(i.id)).sort((a, b) => (order.get(a.id) as number) - (order.get(b.id) as number));
    }
    if (values.json) {
      // CSL-JSON items with Folio's own fields beside them.
      const out = items.map((i) => ({
        ...i.csl,
        id: i.citationKey,
        'citation-key': i.citationKey,
        folio: { id: i.id, keyPinned: i.keyPinned, tags: i.tags, collections: i.collections, read: i.read, rating: i.rating, flagged: i.flagged, addedAt: i.addedAt, modifiedAt: i.modifiedAt, trashedAt: i.trashedAt, note: i.note?.markdown ?? null },
      }));
      io.data(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      for (const item of items) {
        const row = toItemRow(item);
        io.out(`${terminalField(row.key)}\t${row.year ?? ''}\t${terminalField(row.title)}\n`);
      }
    }
    return EXIT_OK;
  }, { readOnly: true, acceptSalvage: values['accept-salvage'] });
}
