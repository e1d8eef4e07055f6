import { join } from 'node:path';

/**
 * The files a host outside Electron (the CLI, the web host) hands to the services by path: the worker entries and
 * the CSL styles, under the repository `root`. Each host takes the root from its entry module, which lies two
 * folders below it whether it runs from its sources (electron/cli/, electron/webhost/) or bundled (out/cli/,
 * out/webhost/; see scripts/build/node-bundles.ts), where a path relative to each service's own module would point
 * into the bundle's folder. The workers always run from their sources, which are never stale.
 */
export interface SourceResourcePaths {
  bibliography: { workerPath: string; stylesDir: string };
  searchWorkerPath: string;
  fulltextWorkerPath: string;
}

export function sourceResourcePaths(root: string): SourceResourcePaths {
  return {
    bibliography: {
      workerPath: join(root, 'electron/services/bibliography/bibliography-worker.ts'),
      stylesDir: join(root, 'resources/csl'),
    },
    searchWorkerPath: join(root, 'electron/services/search/search-worker.ts'),
    fulltextWorkerPath: join(root, 'electron/services/fulltext/fulltext-worker.ts'),
  };
}
