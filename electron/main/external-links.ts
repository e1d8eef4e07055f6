import { shell } from 'electron';
import { FolioError } from '../../shared/api/api-error.ts';

const ALLOWED = new Set(['https:', 'http:', 'mailto:']);

/** The only way out of the app to the system browser or mail client. DOIs become https://doi.org links. */
export function toExternalUrl(raw: string): string {
  const text = raw.trim();
  const doi = /^(?:doi:)?(10\.\d{4,9}\/\S+)$/i.exec(text);
  if (doi) return `https://doi.org/${doi[1]}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FolioError('FORBIDDEN', `Not a link Folio opens: ${text.slice(0, 200)}`);
  }
  if (!ALLOWED.has(url.protocol)) throw new FolioError('FORBIDDEN', `Folio does not open ${url.protocol} links`);
  return url.toString();
}

export async function openExternal(raw: string): Promise<void> {
  await shell.openExternal(toExternalUrl(raw));
}
