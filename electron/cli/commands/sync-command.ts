import { parseArgs } from 'node:util';
import { ACCEPT_SALVAGE_OPTION, EXIT_OK, UsageError, withLibrary, type CliIo } from '../cli-context.ts';

/**
 * `folio sync --library DIR --folder SYNCDIR [--name NAME]`: one exchange with the sync folder. The first run
 * joins the library to the folder. Prints exactly one line on stdout; problems and key renames go to stderr.
 */
export async function syncCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { library: { type: 'string' }, folder: { type: 'string' }, name: { type: 'string' }, ...ACCEPT_SALVAGE_OPTION },
  });
  return withLibrary(values.library, io, async (service) => {
    const current = await service.api.sync.status();
    if (values.folder === undefined && current.folder === null) throw new UsageError('folio sync --library DIR --folder SYNCDIR [--name DEVICE-NAME]');
    if (values.folder !== undefined || values.name !== undefined) await service.api.sync.configure(values.folder ?? current.folder, values.name ?? null);
    const result = await service.api.sync.syncNow();
    for (const problem of result.problems) io.err(`warning: ${problem.message}\n`);
    for (const rename of result.keyRenames) io.err(`key renamed: ${rename.from} -> ${rename.to} (an item created earlier on another device has ${rename.from})\n`);
    io.out(`sent ${result.sent}, received ${result.received}, conflicts ${result.conflicts}, devices ${result.devices}\n`);
    return EXIT_OK;
  }, { acceptSalvage: values['accept-salvage'] });
}
