import { parseArgs } from 'node:util';
import { ACCEPT_SALVAGE_OPTION, EXIT_OK, UsageError, idsForKeys, splitKeys, withLibrary, type CliIo } from '../cli-context.ts';

export async function keyCommand(argv: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { library: { type: 'string' }, ...ACCEPT_SALVAGE_OPTION, keys: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  });
  const keys = splitKeys(values.keys);
  if (!['regenerate', 'pin', 'unpin'].includes(action ?? '') || keys.length === 0) {
    throw new UsageError('folio key regenerate|pin|unpin --keys k1,k2 [--dry-run] --library DIR');
  }
  return withLibrary(values.library, io, async (service) => {
    const ids = idsForKeys(service, keys);
    if (action === 'pin' || action === 'unpin') {
      await service.api.keys.pin(ids, action === 'pin');
      io.out(`${action === 'pin' ? 'Pinned' : 'Unpinned'} ${ids.length} key${ids.length === 1 ? '' : 's'}\n`);
      return EXIT_OK;
    }
    const changes = values['dry-run'] ? await service.api.keys.previewRegenerate(ids) : await service.api.keys.regenerate(ids);
    for (const c of changes) io.out(`${c.from} -> ${c.to}\n`);
    io.err(`${values['dry-run'] ? 'Would change' : 'Changed'} ${changes.length} key${changes.length === 1 ? '' : 's'} (pinned keys are never regenerated)\n`);
    return EXIT_OK;
  }, { acceptSalvage: values['accept-salvage'] });
}
