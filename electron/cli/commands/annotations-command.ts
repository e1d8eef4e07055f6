import { parseArgs } from 'node:util';
import { FolioError } from '../../../shared/api/api-error.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { Item } from '../../../shared/model/item.ts';
import { writeFileAtomic } from '../../services/library-store/index.ts';
import { writeErrorReason } from '../../services/library-store/write-health.ts';
import type { FolioService } from '../../services/folio-service.ts';
import { ACCEPT_SALVAGE_OPTION, EXIT_OK, UsageError, idsForKeys, withLibrary, type CliIo } from '../cli-context.ts';
import { terminalField } from '../terminal-text.ts';

const USAGE = 'usage: folio annotations list --key KEY [--json] | folio annotations export --key KEY [--format markdown|json] [-o FILE]';
const FORMATS = ['markdown', 'json'] as const;
/** Characters of a quote or comment shown on one line of `list`. */
const SHOWN_CHARS = 80;

/** One annotation as `list --json` and `export --format json` give it; `page` is 1-based. */
export interface AnnotationRecord {
  id: string;
  type: Annotation['type'];
  color: Annotation['color'];
  page: number;
  pageLabel: string;
  text: string;
  comment: string;
  tags: string[];
  attachment: string;
  attachmentId: string;
  created: string;
  modified: string;
  orphaned: boolean;
}

function record(item: Item, a: Annotation): AnnotationRecord {
  return {
    id: a.id,
    type: a.type,
    color: a.color,
    page: a.pageIndex + 1,
    pageLabel: a.pageLabel,
    text: a.text,
    comment: a.comment,
    tags: a.tags,
    attachment: item.attachments.find((att) => att.id === a.attachmentId)?.fileName ?? '',
    attachmentId: a.attachmentId,
    created: a.createdAt,
    modified: a.modifiedAt,
    orphaned: a.orphaned === true,
  };
}

/** One line: whitespace folded, cut to SHOWN_CHARS. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SHOWN_CHARS ? `${flat.slice(0, SHOWN_CHARS - 1)}…` : flat;
}

/** page, type, colour, quote, comment: tab-separated, each field terminal-safe. */
function humanLine(a: Annotation): string {
  const page = a.pageLabel.trim().length > 0 && a.pageLabel !== String(a.pageIndex + 1) ? `p. ${a.pageLabel} (${a.pageIndex + 1})` : `p. ${a.pageIndex + 1}`;
  const quote = a.text.trim().length > 0 ? `“${oneLine(a.text)}”` : '-';
  const fields = [page, a.type + (a.orphaned ? ' (orphaned)' : ''), a.color, quote, oneLine(a.comment)];
  return `${fields.map(terminalField).join('\t')}\n`;
}

async function itemFor(service: FolioService, key: string): Promise<Item> {
  const [id] = idsForKeys(service, [key]);
  return service.api.library.getItem(id!);
}

async function list(service: FolioService, key: string, json: boolean, io: CliIo): Promise<number> {
  const item = await itemFor(service, key);
  const annotations = await service.api.annotations.list(item.id);
  if (json) {
    io.data(`${JSON.stringify(annotations.map((a) => record(item, a)), null, 2)}\n`);
    return EXIT_OK;
  }
  for (const a of annotations) io.out(humanLine(a));
  const orphaned = annotations.filter((a) => a.orphaned).length;
  io.err(`${annotations.length} annotation${annotations.length === 1 ? '' : 's'} on ${item.citationKey}${orphaned > 0 ? `, ${orphaned} orphaned` : ''}\n`);
  return EXIT_OK;
}

async function exportAnnotations(service: FolioService, key: string, format: (typeof FORMATS)[number], output: string | undefined, io: CliIo): Promise<number> {
  const item = await itemFor(service, key);
  const text = format === 'json'
    ? `${JSON.stringify((await service.api.annotations.list(item.id)).map((a) => record(item, a)), null, 2)}\n`
    : await service.api.annotations.exportMarkdown(item.id, null);
  if (output === undefined) {
    io.data(text);
    return EXIT_OK;
  }
  await writeFileAtomic(output, text).catch((error: unknown) => {
    throw new FolioError('IO', `${output}: could not write the export: ${writeErrorReason(error)}; nothing was written there.`);
  });
  io.err(`Exported ${item.annotations.length} annotation${item.annotations.length === 1 ? '' : 's'} of ${item.citationKey} to ${output}\n`);
  return EXIT_OK;
}

export async function annotationsCommand(argv: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = argv;
  if (action !== 'list' && action !== 'export') throw new UsageError(USAGE);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      library: { type: 'string' }, ...ACCEPT_SALVAGE_OPTION,
      key: { type: 'string' },
      json: { type: 'boolean', default: false },
      format: { type: 'string', default: 'markdown' },
      output: { type: 'string', short: 'o' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected ${positionals.join(' ')}; ${USAGE}`);
  const key = values.key?.trim();
  if (!key) throw new UsageError(`--key KEY is required; ${USAGE}`);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  if (action === 'list' && (values.output !== undefined || values.format !== 'markdown')) throw new UsageError(`list takes --json, not --format or -o; ${USAGE}`);
  if (action === 'export' && values.json) throw new UsageError(`export takes --format json, not --json; ${USAGE}`);
  return withLibrary(values.library, io, (service) => (action === 'list' ? list(service, key, values.json, io) : exportAnnotations(service, key, format, values.output, io)), {
    readOnly: true,
    acceptSalvage: values['accept-salvage'],
  });
}
