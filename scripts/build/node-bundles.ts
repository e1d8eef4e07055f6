#!/usr/bin/env node
// Bundles the two Node processes that run outside Electron: the CLI into out/cli/ and the web host into out/webhost/.
// Each then loads a few plain-JS chunks instead of resolving and type-stripping some 300 modules at every start
// (Electron's own main process is bundled by electron-vite). electron/cli/folio-bin.js and electron/webhost/web-bin.js
// run a bundle only while its manifest.json still matches every source file it was built from (electron/cli/cli-entry.js).
import { statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliManifestEntry {
  /** Relative to the repository root. */
  file: string;
  size: number;
  mtimeMs: number;
}

export interface CliManifest {
  entry: string;
  inputs: CliManifestEntry[];
}

function outputsOf(result: Awaited<ReturnType<typeof build>>): Rollup.OutputChunk[] {
  const outputs = Array.isArray(result) ? result : [result];
  return outputs.flatMap((o) => ('output' in o ? o.output : [])).filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
}

/** The CLI: electron/cli/folio.ts as out/cli/folio.js. */
export function buildCliBundle(outDir: string = join(ROOT, 'out', 'cli')): Promise<CliManifest> {
  return buildNodeBundle('folio', 'electron/cli/folio.ts', outDir);
}

/** The web host: electron/webhost/web-main.ts as out/webhost/web-main.js. */
export function buildWebHostBundle(outDir: string = join(ROOT, 'out', 'webhost')): Promise<CliManifest> {
  return buildNodeBundle('web-main', 'electron/webhost/web-main.ts', outDir);
}

/**
 * `entry` (relative to the root) and everything it imports, into `outDir`/`name`.js. The entry must lie two folders
 * below the root, as its bundle does, for paths it takes from its own location (the repository root) to hold in both.
 */
async function buildNodeBundle(name: string, entry: string, outDir: string): Promise<CliManifest> {
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node24',
      rollupOptions: {
        input: { [name]: join(ROOT, entry) },
        output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
    // Everything in one place, except pdf.js: it loads its own worker and font files from its package folder.
    ssr: { target: 'node', noExternal: true, external: ['pdfjs-dist'] },
  });
  const files = new Set<string>();
  for (const chunk of outputsOf(result)) {
    for (const id of chunk.moduleIds) {
      const path = id.split('?')[0] ?? id;
      if (isAbsolute(path) && !path.includes('\0')) files.add(path);
    }
  }
  const inputs = [...files].sort().map((path) => {
    const stat = statSync(path);
    return { file: relative(ROOT, path), size: stat.size, mtimeMs: stat.mtimeMs };
  });
  const manifest: CliManifest = { entry: `${name}.js`, inputs };
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest)}\n`);
  return manifest;
}

if (import.meta.main) {
  const cli = await buildCliBundle();
  process.stdout.write(`CLI bundled into out/cli/ from ${cli.inputs.length} modules\n`);
  const web = await buildWebHostBundle();
  process.stdout.write(`web host bundled into out/webhost/ from ${web.inputs.length} modules\n`);
}
