import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { ExportFormat, ExportScope } from '../../../shared/api/api-primitives.ts';
import { FolioError } from '../../../shared/api/api-error.ts';
import { citedKeys } from '../../../shared/formats/aux/cited-keys.ts';
import { writeFileAtomic } from '../../services/library-store/index.ts';
import { savedSearchIds } from './search-command.ts';
import { writeErrorReason } from '../../services/library-store/write-health.ts';
import { ACCEPT_SALVAGE_OPTION, EXIT_OK, EXIT_PARTIAL, UsageError, findCollection, splitKeys, withLibrary, type CliIo } from '../cli-context.ts';

const FORMATS: readonly ExportFormat[] = ['bibtex', 'biblatex', 'csl-json', 'ris'];

export async function exportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      library: { type: 'string' }, ...ACCEPT_SALVAGE_OPTION,
      format: { type: 'string', default: 'bibtex' },
      collection: { type: 'string' },
      saved: { type: 'string' },
      keys: { type: 'string' },
      aux: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
  });
  const format = values.format as ExportFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const scopes = [values.collection, values.saved, values.keys, values.aux].filter((v) => v !== undefined);
  if (scopes.length > 1) throw new UsageError('give at most one of --collection, --saved, --keys, --aux');

  let auxKeys: { keys: string[]; all: boolean } | null = null;
  if (values.aux) {
    const text = await readFile(values.aux, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new FolioError('IO', `${values.aux}: cannot read (${error.code ?? error.message})`);
    });
    auxKeys = citedKeys(text, values.aux);
  }

  return withLibrary(values.library, io, async (service) => {
    let scope: ExportScope = { kind: 'library' };
    if (values.collection) {
      scope = { kind: 'collection', collectionId: findCollection(service.store.collections(), values.collection).id, includeChildren: true };
    } else if (values.saved !== undefined) {
      scope = { kind: 'items', ids: await savedSearchIds(service, values.saved) };
    } else if (values.keys !== undefined) {
      scope = { kind: 'keys', keys: splitKeys(values.keys) };
    } else if (auxKeys && !auxKeys.all) {
      scope = { kind: 'keys', keys: auxKeys.keys };
    }
    const result = await service.api.io.export({ scope, format });
    for (const warning of result.warnings) io.err(`warning: ${warning}\n`);
    if (values.output) {
      const output = values.output;
      await writeFileAtomic(output, result.text).catch((error: unknown) => {
        throw new FolioError('IO', `${output}: could not write the export: ${writeErrorReason(error)}; nothing was written there.`);
      });
      io.err(`Exported ${result.count} entries to ${values.output}\n`);
    } else {
      io.data(result.text);
    }
    const missing = result.warnings.some((w) => w.startsWith('The library has no item'));
    return missing ? EXIT_PARTIAL : EXIT_OK;
  }, { readOnly: true, acceptSalvage: values['accept-salvage'] });
}
