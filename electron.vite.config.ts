import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { pdfjsAssets } from './scripts/build/pdfjs-assets.ts';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // An input rather than `lib`: the `?modulePath` sub-build (the bibliography worker) cannot bundle a lib config.
      rollupOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require node_modules: bundle everything into one CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      lib: { entry: resolve('electron/preload/index.ts'), formats: ['cjs'] },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react(), pdfjsAssets()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
