import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, relative } from 'node:path';
import type { Plugin } from 'vite';

/**
 * pdf.js's data files, served by the renderer from its own origin (never a network): the CMaps that CJK PDFs
 * without embedded fonts need, the standard-14 fonts, the colour profile, and the image decoders (JPEG 2000,
 * JBIG2) as WebAssembly with their JavaScript fallbacks. QuickJS (pdf.js scripting) is left out: scripting is off.
 */
export const PDFJS_ASSET_DIRS = ['cmaps', 'standard_fonts', 'iccs', 'wasm'] as const;
const LEFT_OUT = /quickjs/i;
/** URL path under the renderer's root. */
export const PDFJS_ASSET_BASE = 'pdfjs';

function pdfjsRoot(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

/** Every asset as [path under PDFJS_ASSET_BASE, file on disk]. */
export function pdfjsAssetFiles(): Array<[string, string]> {
  const root = pdfjsRoot();
  return PDFJS_ASSET_DIRS.flatMap((dir) =>
    readdirSync(join(root, dir)).filter((name) => !LEFT_OUT.test(name)).map((name): [string, string] => [`${dir}/${name}`, join(root, dir, name)]));
}

const DEV_TYPES: Record<string, string> = { '.wasm': 'application/wasm', '.js': 'text/javascript' };

/** Emits the assets into the build (out/renderer/pdfjs/…) and serves them in dev from node_modules. */
export function pdfjsAssets(): Plugin {
  return {
    name: 'folio-pdfjs-assets',
    generateBundle() {
      for (const [path, file] of pdfjsAssetFiles()) this.emitFile({ type: 'asset', fileName: `${PDFJS_ASSET_BASE}/${path}`, source: readFileSync(file) });
    },
    configureServer(server) {
      const files = new Map(pdfjsAssetFiles());
      server.middlewares.use((req, res, next) => {
        const path = relative(`/${PDFJS_ASSET_BASE}`, normalize((req.url ?? '').split('?')[0] ?? ''));
        const file = files.get(path);
        if (!file) return next();
        res.setHeader('Content-Type', DEV_TYPES[extname(file)] ?? 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
  };
}
