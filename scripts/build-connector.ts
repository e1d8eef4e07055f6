#!/usr/bin/env node
// Bundles the browser extension into out/connector/ (load it unpacked from there), with Vite's bundler.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'vite';

const root = fileURLToPath(new URL('../', import.meta.url));
const src = join(root, 'connector');
const out = join(root, 'out', 'connector');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
// One classic script per entry: a content script cannot be an ES module, and no chunks are shared.
for (const entry of ['background', 'content', 'popup']) {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: out,
      emptyOutDir: false,
      minify: false,
      lib: { entry: join(src, 'src', `${entry}.ts`), formats: ['iife'], name: `folio_${entry}`, fileName: () => `${entry}.js` },
    },
  });
}
for (const file of ['manifest.json', 'popup.html', 'popup.css']) cpSync(join(src, file), join(out, file));
process.stdout.write(`connector built in ${out}\n`);
