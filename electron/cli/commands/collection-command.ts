import { parseArgs } from 'node:util';
import { ACCEPT_SALVAGE_OPTION, EXIT_OK, UsageError, findCollection, idsForKeys, splitKeys, withLibrary, type CliIo } from '../cli-context.ts';

export async function collectionCommand(argv: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { library: { type: 'string' }, ...ACCEPT_SALVAGE_OPTION, parent: { type: 'string' }, keys: { type: 'string' } },
  });
  const name = positionals[0];
  if (!name || (action !== 'add' && action !== 'assign')) {
    throw new UsageError('folio collection add NAME [--parent NAME] --library DIR | folio collection assign NAME --keys k1,k2 --library DIR');
  }
  return withLibrary(values.library, io, async (service) => {
    if (action === 'add') {
      const parentId = values.parent ? findCollection(service.store.collections(), values.parent).id : null;
      const created = await service.api.collections.create(name, parentId);
      io.out(`Created collection "${created.name}"${values.parent ? ` in "${values.parent}"` : ''}\n`);
      return EXIT_OK;
    }
    const keys = splitKeys(values.keys);
    if (keys.length === 0) throw new UsageError('folio collection assign NAME --keys k1,k2');
    const collection = findCollection(service.store.collections(), name);
    await service.api.collections.addItems(collection.id, idsForKeys(service, keys));
    io.out(`Added ${keys.length} item${keys.length === 1 ? '' : 's'} to "${collection.name}"\n`);
    return EXIT_OK;
  }, { acceptSalvage: values['accept-salvage'] });
}
