import { createHash } from 'node:crypto';
import type { SearchDoc } from '../../../shared/search/index/search-doc.ts';

/**
 * What a saved document is checked against: a hash of everything the index reads from the item (its SearchDoc,
 * pages aside) and the PDFs whose cached text it holds (by content hash). Any edit, by this device, a sync or a hand
 * in library.json, changes it; so does text read into the cache since. Pages are named by their PDF's sha256, not
 * hashed: the text of one file is the text of one file.
 */
export function fingerprintOf(doc: SearchDoc, textShas: readonly string[]): string {
  const { pages: _pages, ...rest } = doc;
  return createHash('sha1').update(JSON.stringify(rest)).update(`\u0000${textShas.join(',')}`).digest('base64url');
}
