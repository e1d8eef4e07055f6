import { recordValueProblem } from '../../../shared/library/record-limits.ts';
import type { Collection } from '../../../shared/model/collection.ts';
import type { Item } from '../../../shared/model/item.ts';
import { CURRENT_SCHEMA_VERSION, emptyLibraryDoc, type LibraryDoc, type LibrarySettings } from '../../../shared/model/library-doc.ts';
import { COLLECTIONS_OPEN_LINE, ITEMS_OPEN_LINE } from './library-doc-text.ts';
import { collectionSchema, itemProblem, settingsSchema } from './library-doc-schema.ts';
import { fromStoredItem } from './stored-item.ts';

/** What a line-by-line reading of a damaged library.json could keep. */
export interface SalvagedLibrary {
  doc: LibraryDoc;
  /** 1-based lines inside the item and collection lists that could not be read: what may be lost. */
  unreadableLines: number[];
  /** Lines that were not UTF-8 and were read as Windows-1252 (an editor saved the file as Latin-1). */
  latin1Lines: number[];
  /** The settings line was read (otherwise the defaults stand in). */
  settingsKept: boolean;
  /** The item list was closed, so the file did not end early. */
  complete: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

function decodeLine(bytes: Uint8Array): { text: string; latin1: boolean } {
  try {
    return { text: utf8.decode(bytes), latin1: false };
  } catch {
    return { text: windows1252.decode(bytes), latin1: true };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `"key": value,` as written by serializeLibraryDoc; undefined when the line is not one. */
function headerEntry(line: string): [string, unknown] | undefined {
  const value = parseJson(`{${line.endsWith(',') ? line.slice(0, -1) : line}}`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  return entries.length === 1 ? entries[0] : undefined;
}

/**
 * Reads what it can of a library.json that does not parse as a whole: Folio writes one item per
 * line, so a BOM, Latin-1 bytes, a damaged line or a cut-off end cost only the lines they touch.
 * Returns null when nothing is worth keeping, or when the file is from another schema version
 * (its lines may mean something else; the caller keeps it aside untouched and uses a backup).
 */
export function salvageLibraryBytes(bytes: Uint8Array): SalvagedLibrary | null {
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const items = new Map<string, Item>();
  const collections = new Map<string, Collection>();
  const unreadableLines: number[] = [];
  const latin1Lines: number[] = [];
  let settings: LibrarySettings | null = null;
  let journalSeq = 0;
  let schemaVersion: unknown;
  let section: 'header' | 'items' | 'collections' = 'header';
  let complete = false;
  for (let lineNo = 1; start < bytes.length; lineNo++) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const { text, latin1 } = decodeLine(bytes.subarray(start, end));
    start = end + 1;
    if (latin1) latin1Lines.push(lineNo);
    const line = text.trim();
    if (line === ITEMS_OPEN_LINE) section = 'items';
    else if (line === COLLECTIONS_OPEN_LINE) section = 'collections';
    else if (line === ']' || line === '],') {
      if (section === 'items') complete = true;
      section = 'header';
    } else if (section === 'header') {
      const entry = headerEntry(line);
      if (entry === undefined && line !== '{' && line !== '}' && line !== '') unreadableLines.push(lineNo);
      else if (entry?.[0] === 'schemaVersion') schemaVersion = entry[1];
      else if (entry?.[0] === 'journalSeq' && Number.isSafeInteger(entry[1]) && (entry[1] as number) >= 0) journalSeq = entry[1] as number;
      else if (entry?.[0] === 'settings' && settingsSchema.safeParse(entry[1]).success && recordValueProblem(entry[1]) === null) settings = entry[1] as LibrarySettings;
    } else if (line !== '') {
      const parsed = parseJson(line.endsWith(',') ? line.slice(0, -1) : line);
      const whole = section === 'items' ? fromStoredItem(parsed) : null;
      const value = whole?.ok ? whole.item : parsed;
      if (whole?.ok && itemProblem(value) === null && recordValueProblem(value) === null) {
        const item = value as Item;
        items.set(item.id, item);
      } else if (section === 'collections' && collectionSchema.safeParse(value).success) {
        const collection = value as Collection;
        collections.set(collection.id, collection);
      } else {
        unreadableLines.push(lineNo);
      }
    }
  }
  if (schemaVersion !== undefined && schemaVersion !== CURRENT_SCHEMA_VERSION) return null;
  if (items.size === 0 && collections.size === 0 && settings === null) return null;
  const empty = emptyLibraryDoc();
  return {
    doc: { ...empty, journalSeq, settings: settings ?? empty.settings, collections: [...collections.values()], items: [...items.values()] },
    unreadableLines,
    latin1Lines,
    settingsKept: settings !== null,
    complete,
  };
}

/** Nothing can have been lost: every line was read and the file ended where it should. */
export function isLossless(salvaged: SalvagedLibrary): boolean {
  return salvaged.unreadableLines.length === 0 && salvaged.settingsKept && salvaged.complete;
}

/** "lines 12, 40 and 41" (at most eight listed). */
export function describeLines(lines: readonly number[]): string {
  const shown = lines.slice(0, 8).map(String);
  const more = lines.length - shown.length;
  if (more > 0) return `lines ${shown.join(', ')} and ${more} more`;
  if (shown.length === 1) return `line ${shown[0]}`;
  return `lines ${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}
