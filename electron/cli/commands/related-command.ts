import { parseArgs } from 'node:util';
import { ACCEPT_SALVAGE_OPTION, EXIT_OK, UsageError, idsForKeys, withLibrary, type CliIo } from '../cli-context.ts';
import { terminalField } from '../terminal-text.ts';

export async function relatedCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { library: { type: 'string' }, ...ACCEPT_SALVAGE_OPTION, key: { type: 'string' }, json: { type: 'boolean', default: false }, limit: { type: 'string', default: '10' } },
  });
  if (!values.key) throw new UsageError('usage: folio related --key KEY [--json] [--limit N]');
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError('--limit takes a whole number from 1 to 100');
  const key = values.key;
  return withLibrary(values.library, io, async (service) => {
    const [id] = idsForKeys(service, [key]);
    await service.search.extractMissing();
    const related = await service.api.search.related(id as NonNullable<typeof id>, limit);
    if (values.json) {
      io.data(`${JSON.stringify(related.map((r) => ({ key: r.row.key, score: r.score, title: r.row.title, year: r.row.year, why: r.why })), null, 2)}\n`);
    } else {
      related.forEach((r, i) => io.out(`${i + 1}\t${terminalField(r.row.key)}\t${r.row.year ?? ''}\t${terminalField(r.row.title)}\n\t${terminalField(r.why)}\n`));
    }
    return EXIT_OK;
  }, { readOnly: true, acceptSalvage: values['accept-salvage'] });
}
