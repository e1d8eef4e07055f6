import { extname, join, normalize, relative, isAbsolute } from 'node:path';
import { FolioError } from '../../../shared/api/api-error.ts';
import { readInsideRoot } from '../safe-library-file.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Resolves a URL path inside root; null for anything that escapes it (`..`, encoded or not). */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const wanted = decoded === '/' || decoded === '' ? '/index.html' : decoded;
  const full = normalize(join(root, wanted));
  const rel = relative(root, full);
  if (rel.startsWith('..') || isAbsolute(rel)) return null;
  return full;
}

/** The built renderer is a few MB; nothing it serves comes near this. */
export const MAX_STATIC_BYTES = 64 * 1024 * 1024;

export interface StaticFile {
  body: Buffer;
  type: string;
}

/**
 * Reads a built renderer file for a URL path: null for a path outside root, a missing file, a link out of the
 * folder, a FIFO or a device (see safe-library-file.ts), so neither host serves or blocks on one.
 */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | null> {
  const path = resolveStaticPath(root, urlPath);
  if (!path) return null;
  try {
    return { body: await readInsideRoot(root, relative(root, path), MAX_STATIC_BYTES), type: TYPES[extname(path)] ?? 'application/octet-stream' };
  } catch (error) {
    if (error instanceof FolioError) return null;
    throw error;
  }
}
