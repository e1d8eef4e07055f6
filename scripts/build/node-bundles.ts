#!/usr/bin/env node
// Bundles the CLI into out/cli/: one-shot commands then load a few plain-JS chunks instead of resolving and
// type-stripping some 330 modules in every process. electron/cli/folio-bin.js runs the bundle only while
// out/cli/manifest.json still matches every source file it was built from (see electron/cli/cli-entry.js).
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

export async function buildCliBundle(outDir: string = join(ROOT, 'out', 'cli')): Promise<CliManifest> {
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
        input: { folio: join(ROOT, 'electron/cli/folio.ts') },
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
  const manifest: CliManifest = { entry: 'folio.js', inputs };
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest)}\n`);
  return manifest;
}

if (import.meta.main) {
  const manifest = await buildCliBundle();
  process.stdout.write(`CLI bundled into out/cli/ from ${manifest.inputs.length} modules\n`);
}
