import { FolioError } from '../../shared/api/api-error.ts';
import type { Collection } from '../../shared/model/collection.ts';
import type { ItemId } from '../../shared/model/ids.ts';
import type { FolioService } from '../services/folio-service.ts';
import { resolveLibraryDir } from '../services/library-paths.ts';
import { cliResourcePaths } from './cli-resources.ts';
import { terminalText } from './terminal-text.ts';

/** Exit codes: 0 everything done, 2 done with some entries skipped, 1 failed (nothing written). */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_PARTIAL = 2;

export class UsageError extends Error {}

/** The option every command that opens the library takes. */
export const ACCEPT_SALVAGE_OPTION = { 'accept-salvage': { type: 'boolean', default: false } } as const;

export interface CliIo {
  /** Human-readable output: control characters are shown as escapes (see terminalText). */
  out(text: string): void;
  err(text: string): void;
  /** Machine output (--json, an export to stdout), written exactly. */
  data(text: string): void;
}

/**
 * Writes to a standard stream until its reader goes away. `folio list | head` closes the pipe after a few lines: the
 * next write fails with EPIPE, which Node would throw as an unhandled 'error' event. Output nobody reads is
 * dropped instead and the command finishes as it would have (a change it makes is still made and saved).
 */
function untilClosed(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

const toStdout = untilClosed(process.stdout);
const toStderr = untilClosed(process.stderr);

export const processIo: CliIo = { out: toStdout, err: toStderr, data: toStdout };

/** Every human-readable line passes here, so no command can forget to neutralise what it prints. */
export function humanIo(io: CliIo): CliIo {
  return { out: (text) => io.out(terminalText(text)), err: (text) => io.err(terminalText(text)), data: (text) => io.data(text) };
}

/**
 * A read-only command (list, export) still runs on a disk that takes no writes at all, not even
 * the lock: it reads the library as it is on disk and changes nothing.
 */
async function openForCommand(dir: string, readOnly: boolean, acceptSalvage: boolean): Promise<FolioService> {
  // Loaded here, not at the top: `folio --help` and a usage error need none of the services.
  const { createFolioService, openFolioService } = await import('../services/folio-service.ts');
  const { isDiskUnwritable, openReadOnlySnapshot } = await import('../services/library-store/read-only-snapshot.ts');
  const { writeErrorReason } = await import('../services/library-store/write-health.ts');
  const paths = cliResourcePaths();
  const search = { inThread: true, fulltextWorkerPath: paths.fulltextWorkerPath };
  try {
    // A one-shot command searches in this thread: no worker to start, and nothing else waits on the event loop.
    return await openFolioService(dir, 'cli', { host: 'web', acceptSalvage, bibliography: paths.bibliography, search, oneShot: true });
  } catch (error) {
    if (!readOnly || !isDiskUnwritable(error)) throw error;
    const code = error instanceof FolioError ? error.details?.code : undefined;
    const store = await openReadOnlySnapshot(dir, writeErrorReason(Object.assign(new Error(String(code)), { code })));
    return createFolioService(store, { host: 'web', bibliography: paths.bibliography, search, oneShot: true });
  }
}

/** Opens the library with the CLI's lock, runs the command, and always closes it. */
export async function withLibrary<T>(
  libraryFlag: string | undefined,
  io: CliIo,
  run: (service: FolioService) => Promise<T>,
  options: { readOnly?: boolean; acceptSalvage?: boolean | undefined } = {},
): Promise<T> {
  const service = await openForCommand(resolveLibraryDir(libraryFlag), options.readOnly ?? false, options.acceptSalvage ?? false);
  // Commands read service.store directly, so they need the whole library, not the warm start's cached rows.
  await service.ready;
  const store = service.store;
  for (const warning of store.warnings) io.err(`warning: ${warning}\n`);
  const shown = store.warnings.length;
  try {
    return await run(service);
  } finally {
    await service.dispose();
    // Closing can have something to say too (library.json kept in the journal on a full disk, an external edit kept aside).
    for (const warning of store.warnings.slice(shown)) io.err(`warning: ${warning}\n`);
  }
}

/** A collection by name, or by path "Parent/Child" when names repeat. */
export function findCollection(all: readonly Collection[], name: string): Collection {
  const byId = new Map(all.map((c) => [c.id, c]));
  const pathOf = (c: Collection): string => {
    const parts = [c.name];
    let parent = c.parentId ? byId.get(c.parentId) : undefined;
    while (parent) {
      parts.unshift(parent.name);
      parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    }
    return parts.join('/');
  };
  const matches = all.filter((c) => c.name === name || pathOf(c) === name);
  if (matches.length === 0) throw new FolioError('NOT_FOUND', `No collection named "${name}"`);
  if (matches.length > 1) {
    throw new FolioError('CONFLICT', `Several collections are named "${name}": ${matches.map(pathOf).join(', ')}; give the path`);
  }
  return matches[0] as Collection;
}

/** Item ids for citation keys; every unknown key is named in the error. */
export function idsForKeys(service: FolioService, keys: readonly string[]): ItemId[] {
  const byKey = new Map<string, ItemId>();
  for (const item of service.store.items()) byKey.set(item.citationKey, item.id);
  const missing = keys.filter((k) => !byKey.has(k));
  if (missing.length > 0) throw new FolioError('NOT_FOUND', `No item with the key${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  return keys.map((k) => byKey.get(k) as ItemId);
}

export function splitKeys(value: string | undefined): string[] {
  return (value ?? '').split(',').map((k) => k.trim()).filter((k) => k.length > 0);
}
