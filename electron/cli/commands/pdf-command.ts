import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FolioError } from '../../../shared/api/api-error.ts';
import { asAttachmentId, type ItemId } from '../../../shared/model/ids.ts';
import type { Item } from '../../../shared/model/item.ts';
import { checkedAttachmentPath } from '../../services/attachments/attachment-files.ts';
import type { FolioService } from '../../services/folio-service.ts';
import { writeFileAtomic } from '../../services/library-store/index.ts';
import { writeErrorReason } from '../../services/library-store/write-health.ts';
import { ACCEPT_SALVAGE_OPTION, EXIT_OK, UsageError, idsForKeys, withLibrary, type CliIo } from '../cli-context.ts';

const USAGE = 'folio pdf export --key KEY -o FILE.pdf [--attachment ID] | folio pdf import-annotations --key KEY [--attachment ID]';

/** The item's PDF: the one named by --attachment, else its first. */
function pickPdf(item: Item, attachment: string | undefined) {
  const pdfs = item.attachments.filter((a) => a.mediaType === 'application/pdf');
  const found = attachment ? pdfs.find((a) => a.id === asAttachmentId(attachment)) : pdfs[0];
  if (!found) {
    throw new FolioError('NOT_FOUND', attachment ? `${item.citationKey} has no PDF ${attachment}` : `${item.citationKey} has no PDF attached`);
  }
  return found;
}

/** The same file as the stored attachment (by real path)? Exporting over it would modify it in place. */
async function isTheAttachment(service: FolioService, relPath: string, output: string): Promise<boolean> {
  const stored = await checkedAttachmentPath(service.store.folder, relPath);
  const target = await realpath(resolve(output)).catch(() => null);
  return target === stored;
}

export async function pdfCommand(argv: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      library: { type: 'string' }, ...ACCEPT_SALVAGE_OPTION,
      key: { type: 'string' },
      attachment: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
  });
  if ((action !== 'export' && action !== 'import-annotations') || !values.key) throw new UsageError(USAGE);
  const key = values.key;
  if (action === 'export') {
    const output = values.output;
    if (!output) throw new UsageError(`-o FILE.pdf is required: ${USAGE}`);
    return withLibrary(values.library, io, async (service) => {
      const [id] = idsForKeys(service, [key]) as [ItemId];
      const pdf = pickPdf(service.store.getItem(id)!, values.attachment);
      if (await isTheAttachment(service, pdf.path, output)) {
        throw new FolioError('FORBIDDEN', `${output} is the stored PDF itself; Folio never modifies it in place: choose another file`);
      }
      const file = await service.api.annotations.exportPdf(id, pdf.id);
      await writeFileAtomic(output, Buffer.from(file.dataBase64, 'base64')).catch((error: unknown) => {
        throw new FolioError('IO', `${output}: could not write the PDF: ${writeErrorReason(error)}; nothing was written there.`);
      });
      io.out(`Wrote ${output} with the annotations of ${key}\n`);
      return EXIT_OK;
    }, { readOnly: true, acceptSalvage: values['accept-salvage'] });
  }
  return withLibrary(values.library, io, async (service) => {
    const [id] = idsForKeys(service, [key]) as [ItemId];
    const pdf = pickPdf(service.store.getItem(id)!, values.attachment);
    const result = await service.api.annotations.importFromPdf(id, pdf.id);
    io.out(`Imported ${result.imported} annotation${result.imported === 1 ? '' : 's'} from ${pdf.fileName}${result.skipped ? `; skipped ${result.skipped} (already there, or a kind Folio does not keep)` : ''}\n`);
    return EXIT_OK;
  }, { acceptSalvage: values['accept-salvage'] });
}
