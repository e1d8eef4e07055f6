/**
 * The one allowlist for links leaving the app. Metadata and notes are
 * untrusted, so anything that is not a plain web, mail or DOI link is refused
 * (no javascript:, file:, data:, custom schemes).
 */
const ALLOWED_PROTOCOLS = new Set(['https:', 'http:', 'mailto:', 'doi:']);

/** The URL to open, with doi: rewritten to its resolver, or null when refused. */
export function allowedExternalUrl(raw: string): string | null {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol === 'doi:') return `https://doi.org/${encodeURI(text.slice(4).replace(/^\/+/, ''))}`;
  return url.href;
}

/** https://doi.org/... for a DOI as users paste it ("10.1/x", "doi:10.1/x", "https://doi.org/10.1/x"). */
export function doiUrl(doi: string): string | null {
  const bare = doi.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, '');
  if (!/^10\.\d{4,9}\/\S+$/.test(bare)) return null;
  return `https://doi.org/${encodeURI(bare)}`;
}
