import type { ImportIssue, ImportReport, ImportRequest } from '../../shared/api/io-types.ts';
import { FolioError } from '../../shared/api/api-error.ts';
import { newId } from '../../shared/model/ids.ts';
import type { Item } from '../../shared/model/item.ts';
import { createItem } from '../../shared/library/item-factory.ts';
import { recordValueProblem } from '../../shared/library/record-limits.ts';
import { parseImportText, type ImportCandidate } from './import-candidates.ts';
import { duplicateWarnings } from './import-duplicates.ts';
import { yieldToEventLoop, type ImportJob } from './import-jobs.ts';
import type { ServiceContext } from './service-context.ts';

export interface ImportOptions {
  /** Commit every N items (the CLI uses this for progress); default: one atomic commit. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Progress and cancel for a window's import (io.importText with a jobId). */
  job?: ImportJob;
}

const PREVIEW_TITLES = 10;
/** Records built between two progress reports (and event-loop turns, so a cancel can arrive). */
const PROGRESS_EVERY = 500;

export async function importText(ctx: ServiceContext, request: ImportRequest, options: ImportOptions = {}): Promise<ImportReport> {
  const parsed = parseImportText(request.text, request.fileName, request.format, request.pageUrl);
  const collectionId = request.collectionId ?? null;
  if (collectionId && !ctx.store.collections().some((c) => c.id === collectionId)) {
    throw new FolioError('NOT_FOUND', `No collection with id ${collectionId}`);
  }
  const batchId = request.dryRun ? '' : newId('imp');
  const warnings: ImportIssue[] = [...(parsed.warnings ?? [])];
  const now = ctx.now();
  const pattern = ctx.store.settings().keyPattern;
  const items: Item[] = [];
  // Keys claimed during a dry run are released again, so a dry run changes nothing.
  const claimed: Item[] = [];
  const lines = new Map<Item, number>();
  const total = parsed.candidates.length;
  const skipped = [...parsed.skipped];
  try {
    for (const [index, candidate] of parsed.candidates.entries()) {
      if (options.job && index % PROGRESS_EVERY === 0 && index > 0) {
        options.job.progress(index, total, `Importing ${request.fileName}`);
        await yieldToEventLoop();
      }
      const problem = candidateProblem(candidate);
      if (problem) {
        skipped.push(skippedIssue(request.fileName, candidate, `record ${index + 1}: ${problem}`));
        continue;
      }
      const item = buildItem(ctx, candidate, { now, pattern, batchId, collectionId, fileName: request.fileName, warnings });
      ctx.keys.add(item);
      claimed.push(item);
      items.push(item);
      lines.set(item, candidate.line);
    }
    warnings.push(...duplicateWarnings(ctx, items, (item) => lines.get(item) ?? 0, request.fileName));
    // The last moment a cancel is honoured: after this the batch is committed whole.
    options.job?.throwIfCancelled();
  } catch (error) {
    for (const item of claimed) ctx.keys.remove(item);
    throw error;
  }
  const report: ImportReport = {
    format: parsed.format,
    imported: items.length,
    skipped,
    warnings,
    itemIds: items.map((i) => i.id),
    preview: items.slice(0, PREVIEW_TITLES).map((i) => i.csl.title ?? i.citationKey),
    batchId,
    ...(parsed.pageSources !== undefined ? { pageSources: parsed.pageSources } : {}),
  };
  if (request.dryRun) {
    for (const item of claimed) ctx.keys.remove(item);
    return report;
  }
  try {
    await commitInBatches(ctx, items, options);
  } catch (error) {
    for (const item of claimed) if (!ctx.store.getItem(item.id)) ctx.keys.remove(item);
    throw error;
  }
  options.job?.report(total, total, `Imported ${request.fileName}`);
  return report;
}

/** Checked before anything else touches the record, so a hostile value cannot stop the saving of the others. */
function candidateProblem(candidate: ImportCandidate): string | null {
  const problem = recordValueProblem(candidate.csl);
  if (problem || !candidate.source) return problem;
  const sourceProblem = recordValueProblem(candidate.source);
  return sourceProblem ? `its BibTeX source: ${sourceProblem}` : null;
}

function skippedIssue(fileName: string, candidate: ImportCandidate, reason: string): ImportIssue {
  const key = candidate.wantedKey ?? (typeof candidate.csl.id === 'string' ? candidate.csl.id : undefined);
  return key ? { file: fileName, line: candidate.line, key, reason } : { file: fileName, line: candidate.line, reason };
}

function buildItem(
  ctx: ServiceContext,
  candidate: ImportCandidate,
  opts: { now: string; pattern: string; batchId: string; collectionId: string | null; fileName: string; warnings: ImportIssue[] },
): Item {
  // Left out by destructuring, not `delete`: an object that lost a property that way turns into a slow dictionary,
  // which every later step (the change log, library.json, exports) reads more slowly.
  const { id: _id, 'citation-key': _key, ...csl } = candidate.csl;
  let citationKey: string;
  if (candidate.wantedKey) {
    citationKey = ctx.keys.claim(candidate.wantedKey);
    if (citationKey !== candidate.wantedKey) {
      opts.warnings.push({
        file: opts.fileName,
        line: candidate.line,
        key: candidate.wantedKey,
        reason: `the key "${candidate.wantedKey}" is already used in the library; imported as "${citationKey}"`,
      });
    }
  } else {
    citationKey = ctx.keys.generate(csl, opts.pattern);
  }
  const item = createItem({
    csl,
    citationKey,
    now: opts.now,
    collections: opts.collectionId ? [opts.collectionId as Item['collections'][number]] : [],
    ...(candidate.source ? { source: candidate.source } : {}),
    ...(opts.batchId ? { importBatchId: opts.batchId } : {}),
  });
  if (candidate.metadataPending) item.metadataPending = true;
  return item;
}

async function commitInBatches(ctx: ServiceContext, items: Item[], options: ImportOptions): Promise<void> {
  const size = options.batchSize ?? items.length;
  if (items.length === 0) return;
  if (size >= items.length) {
    if (options.signal?.aborted) throw new FolioError('CONFLICT', 'Import cancelled');
    await ctx.commit([{ op: 'putItems', items }], { items: 'all' });
    options.onProgress?.(items.length, items.length);
    return;
  }
  for (let start = 0; start < items.length; start += size) {
    if (options.signal?.aborted) throw new FolioError('CONFLICT', `Import cancelled after ${start} items`);
    const batch = items.slice(start, start + size);
    await ctx.commit([{ op: 'putItems', items: batch }], { items: 'all' });
    options.onProgress?.(start + batch.length, items.length);
  }
}

/** Moves every item of an import batch to the trash. */
export async function undoImport(ctx: ServiceContext, batchId: string): Promise<number> {
  const now = ctx.now();
  const items = [...ctx.store.items()].filter((i) => i.importBatchId === batchId && i.trashedAt === null);
  if (items.length === 0) throw new FolioError('NOT_FOUND', `No items left from import ${batchId}`);
  await ctx.commit([{ op: 'putItems', items: items.map((i) => ({ ...i, trashedAt: now, modifiedAt: now })) }], { items: 'all' });
  return items.length;
}
