import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAFE_DOCUMENT_OPTIONS } from '../../electron/services/fulltext/pdfjs-load.ts';
import { pdfjsAssetFiles } from './pdfjs-assets.ts';

describe("pdf.js's data files", () => {
  it('go into the renderer build: CMaps, standard fonts, colour profile and image decoders, never the scripting engine', () => {
    const paths = pdfjsAssetFiles().map(([path]) => path);
    for (const wanted of ['cmaps/UniGB-UCS2-H.bcmap', 'cmaps/Adobe-Japan1-UCS2.bcmap', 'standard_fonts/FoxitSerif.pfb', 'iccs/CGATS001Compat-v2-micro.icc', 'wasm/openjpeg.wasm', 'wasm/openjpeg_nowasm_fallback.js']) {
      expect(paths).toContain(wanted);
    }
    expect(paths.filter((p) => /quickjs/i.test(p))).toEqual([]);
  });

  it('are read from the installed pdfjs-dist by the services', () => {
    expect(existsSync(join(SAFE_DOCUMENT_OPTIONS.cMapUrl, 'UniGB-UCS2-H.bcmap'))).toBe(true);
    expect(existsSync(join(SAFE_DOCUMENT_OPTIONS.standardFontDataUrl, 'FoxitSerif.pfb'))).toBe(true);
  });
});
