import { CURRENT_SCHEMA_VERSION } from '../../../shared/model/library-doc.ts';
import { CSL_FROM_SOURCE } from './stored-item.ts';

export type RawLibraryDoc = Record<string, unknown>;

/** One step: a document at schema version `from` becomes one at `from + 1`. */
export interface LibraryMigration {
  from: number;
  migrate: (doc: RawLibraryDoc) => RawLibraryDoc;
}

/**
 * 1 -> 2: items are written compact (stored-item.ts): a CSL variable that one of the item's own
 * BibTeX source fields gives back exactly is named in `cslFromSource` instead of being stored
 * twice. A version 1 item is a version 2 item with nothing left out, so the step only drops a
 * stray `cslFromSource` key (unknown keys survive in version 1, and this one would now be read as
 * the marker). The store backs the old file up before writing the migrated one (library-recovery.ts),
 * and the next write gives the compact form.
 */
const compactItems: LibraryMigration = {
  from: 1,
  migrate: (doc) => {
    if (!Array.isArray(doc.items)) return doc;
    const items = doc.items.map((item: unknown) => {
      if (typeof item !== 'object' || item === null || !Object.hasOwn(item, CSL_FROM_SOURCE)) return item;
      return Object.fromEntries(Object.entries(item).filter(([key]) => key !== CSL_FROM_SOURCE));
    });
    return { ...doc, items };
  },
};

/** One step per version; append `{ from: N, migrate }` and bump CURRENT_SCHEMA_VERSION for the next format. */
export const LIBRARY_MIGRATIONS: readonly LibraryMigration[] = [compactItems];

export type MigrationResult =
  | { ok: true; doc: RawLibraryDoc; from: number }
  | { ok: false; reason: 'newer' | 'no-path'; version: number; message: string };

/** A document without `schemaVersion` predates versioning: version 0. */
export function schemaVersionOf(doc: RawLibraryDoc): number {
  const version = doc.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0;
}

export function migrateLibraryDoc(
  doc: RawLibraryDoc,
  migrations: readonly LibraryMigration[] = LIBRARY_MIGRATIONS,
  target: number = CURRENT_SCHEMA_VERSION,
): MigrationResult {
  const from = schemaVersionOf(doc);
  if (from > target) {
    return { ok: false, reason: 'newer', version: from, message: `it was written by a newer Folio (schema version ${from}; this version reads up to ${target})` };
  }
  let current = doc;
  for (let version = from; version < target; version++) {
    const step = migrations.find((m) => m.from === version);
    if (!step) {
      return { ok: false, reason: 'no-path', version: from, message: `it has schema version ${from}, and this Folio has no migration from version ${version}` };
    }
    // The runner, not each step, stamps the version, so a step cannot forget it.
    current = { ...step.migrate(current), schemaVersion: version + 1 };
  }
  return { ok: true, doc: current, from };
}
