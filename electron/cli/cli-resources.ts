import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The files a CLI process hands to the services by path: worker entries and the CSL styles. The CLI runs either
 * from its sources (electron/cli/) or bundled (out/cli/, see scripts/build/cli-bundle.ts). Both lie two folders
 * below the repository, so one relative step finds the root either way, where a path relative to each service's
 * own module would point into out/cli/ once bundled. The workers always run from their sources: a one-shot
 * command starts one rarely (a PDF import), and the sources are never stale.
 */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliResourcePaths {
  bibliography: { workerPath: string; stylesDir: string };
  fulltextWorkerPath: string;
}

export function cliResourcePaths(root: string = REPO_ROOT): CliResourcePaths {
  return {
    bibliography: {
      workerPath: join(root, 'electron/services/bibliography/bibliography-worker.ts'),
      stylesDir: join(root, 'resources/csl'),
    },
    fulltextWorkerPath: join(root, 'electron/services/fulltext/fulltext-worker.ts'),
  };
}
