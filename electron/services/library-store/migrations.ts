import { CURRENT_SCHEMA_VERSION } from '../../../shared/model/library-doc.ts';

export type RawLibraryDoc = Record<string, unknown>;

/** One step: a document at schema version `from` becomes one at `from + 1`. */
export interface LibraryMigration {
  from: number;
  migrate: (doc: RawLibraryDoc) => RawLibraryDoc;
}

/**
 * Version 1 is the first released format, so there is nothing to migrate yet.
 * Append `{ from: 1, migrate }` here when version 2 comes, and bump CURRENT_SCHEMA_VERSION.
 */
export const LIBRARY_MIGRATIONS: readonly LibraryMigration[] = [];

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
