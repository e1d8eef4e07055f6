import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BibliographyStyle } from '../../../shared/citation/bibliography-styles.ts';
import { FolioError } from '../../../shared/api/api-error.ts';

// Kept in a variable so bundlers leave it alone: under Electron the composition root passes the folder.
const STYLES_FROM_HERE = '../../../resources/csl/';

/** resources/csl when Node runs the sources directly (CLI, web host, tests). */
export function defaultStylesDir(): string {
  return fileURLToPath(new URL(STYLES_FROM_HERE, import.meta.url));
}

/** The CSL XML of Folio's own styles, read once from resources/csl. */
export class CslStyleFiles {
  private readonly dir: string;
  private readonly cache = new Map<string, Promise<string>>();

  constructor(dir: string = defaultStylesDir()) {
    this.dir = dir;
  }

  /** The XML to register for a file style; null for templates citation-js bundles. */
  xmlFor(style: BibliographyStyle): Promise<string | null> {
    if (style.source.kind === 'citation-js') return Promise.resolve(null);
    const file = style.source.file;
    let text = this.cache.get(file);
    if (!text) {
      const path = join(this.dir, file);
      text = readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
        this.cache.delete(file);
        throw new FolioError('IO', `The citation style file ${path} cannot be read (${error.code ?? error.message})`);
      });
      this.cache.set(file, text);
    }
    return text;
  }
}

/** Name the style is registered under inside the worker's citation-js. */
export function templateName(style: BibliographyStyle): string {
  return style.source.kind === 'citation-js' ? style.source.template : `folio-${style.id}`;
}
