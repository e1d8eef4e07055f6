import { parseArgs } from 'node:util';
import { ACCEPT_SALVAGE_OPTION, EXIT_OK, UsageError, idsForKeys, withLibrary, type CliIo } from '../cli-context.ts';

/** `folio history --key KEY [--json]`: the item's changes, newest first, from every device. */
export async function historyCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { library: { type: 'string' }, key: { type: 'string' }, json: { type: 'boolean', default: false }, ...ACCEPT_SALVAGE_OPTION } });
  if (!values.key) throw new UsageError('folio history --library DIR --key KEY [--json]');
  const key = values.key;
  return withLibrary(values.library, io, async (service) => {
    const [id] = idsForKeys(service, [key]);
    const entries = await service.api.history.forItem(id as never);
    if (values.json) {
      io.data(`${JSON.stringify(entries, null, 2)}\n`);
      return EXIT_OK;
    }
    for (const e of entries) {
      const conflict = e.conflict ? `  [conflict ${e.conflict.state}: ${e.conflict.otherDeviceName} had "${e.conflict.otherText}"]` : '';
      const change = e.field === 'create' ? 'created' : `${e.field}: ${e.oldText || '(none)'} -> ${e.newText || '(none)'}`;
      io.out(`${e.time}  ${e.deviceName}  ${change}${e.undo ? '  (undo/redo)' : ''}${conflict}  #${e.id}\n`);
    }
    if (entries.length === 0) io.err('No recorded changes\n');
    return EXIT_OK;
  }, { acceptSalvage: values['accept-salvage'] });
}

/** `folio undo|redo [--steps N]`: this library's last changes, also after a restart. */
export function undoRedoCommand(direction: 'undo' | 'redo') {
  return async (argv: string[], io: CliIo): Promise<number> => {
    const { values } = parseArgs({ args: argv, options: { library: { type: 'string' }, steps: { type: 'string' }, ...ACCEPT_SALVAGE_OPTION } });
    const steps = values.steps === undefined ? 1 : Number(values.steps);
    if (!Number.isInteger(steps) || steps < 1 || steps > 1000) throw new UsageError(`folio ${direction} --library DIR [--steps N]   (N from 1 to 1000)`);
    return withLibrary(values.library, io, async (service) => {
      const before = await service.api.history.undoStatus();
      const label = direction === 'undo' ? before.undoLabel : before.redoLabel;
      const result = await service.api.history[direction](steps);
      if (result.steps === 0) io.out(`Nothing to ${direction}\n`);
      else io.out(`${direction === 'undo' ? 'Undid' : 'Redid'} ${result.steps} change${result.steps === 1 ? '' : 's'}${result.steps === 1 && label ? ` (${label})` : ''}\n`);
      return EXIT_OK;
    }, { acceptSalvage: values['accept-salvage'] });
  };
}
