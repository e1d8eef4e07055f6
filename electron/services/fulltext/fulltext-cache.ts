import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../library-store/index.ts';
import { MAX_PAGE_CHARS, MAX_TEXT_PAGES } from './pdf-page-text.ts';

export const FULLTEXT_DIR = 'fulltext';
const VERSION = 1;

/** What a cache file holds: the page texts of one PDF, named by the file's sha256. */
interface CacheFile {
  version: number;
  sha256: string;
  pages: string[];
  /** Set when pdf.js could not read the file: it is not tried again until the cache is deleted. */
  error?: string;
}

const SHA256 = /^[0-9a-f]{64}$/;

function valid(value: unknown, sha256: string): value is CacheFile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<CacheFile>;
  return v.version === VERSION && v.sha256 === sha256 && Array.isArray(v.pages) && v.pages.length <= MAX_TEXT_PAGES
    && v.pages.every((p) => typeof p === 'string' && p.length <= MAX_PAGE_CHARS) && (v.error === undefined || typeof v.error === 'string');
}

/**
 * `<library>/fulltext/<sha256>.json`: derived, rebuildable, never trusted. A file that does not parse or does
 * not match its name is deleted and read again from the PDF.
 */
export class FulltextCache {
  private readonly dir: string;

  constructor(libraryDir: string) {
    this.dir = join(libraryDir, FULLTEXT_DIR);
  }

  private path(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`Not a sha256: ${sha256}`);
    return join(this.dir, `${sha256}.json`);
  }

  /** The cached pages, or null when they must be extracted; `failed` when an earlier extraction could not read the file. */
  async get(sha256: string): Promise<{ pages: string[]; failed: boolean } | null> {
    let text: string;
    try {
      text = await readFile(this.path(sha256), 'utf8');
    } catch {
      return null;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (valid(parsed, sha256)) return { pages: parsed.pages, failed: parsed.error !== undefined };
    } catch {
      // fall through: damaged
    }
    await rm(this.path(sha256), { force: true });
    return null;
  }

  async put(sha256: string, pages: string[], error?: string): Promise<void> {
    const file: CacheFile = { version: VERSION, sha256, pages, ...(error === undefined ? {} : { error }) };
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.path(sha256), `${JSON.stringify(file)}\n`);
  }
}
