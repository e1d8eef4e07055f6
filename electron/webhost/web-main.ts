#!/usr/bin/env node
// `npm run -s web -- --library DIR [--port N]`: the renderer plus the FolioApi on loopback.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openFolioService } from '../services/folio-service.ts';
import { resolveLibraryDir } from '../services/library-paths.ts';
import { sourceResourcePaths } from '../services/source-resources.ts';
import { startWebHost } from './web-host.ts';
import { ConnectorPairings, connectorPort, startHostConnector } from '../services/connector/index.ts';

// Two folders up, from electron/webhost/ and from its bundle in out/webhost/ alike (see web-bin.js).
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const rendererDir = join(repoRoot, 'out', 'renderer');

function fail(message: string): never {
  process.stderr.write(`folio web: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { library: { type: 'string' }, port: { type: 'string' }, 'connector-port': { type: 'string' } },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, not "${values.port}"`);

  let connectorPortNumber = 0;
  try {
    connectorPortNumber = connectorPort(values['connector-port']);
  } catch (error) {
    fail((error as Error).message);
  }

  if (!existsSync(join(rendererDir, 'index.html'))) {
    process.stderr.write('folio web: building the renderer first (npm run build)...\n');
    const built = spawnSync(join(repoRoot, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
    if (built.status !== 0) fail('the build failed; run `npm run build` to see why');
  }

  const folder = resolveLibraryDir(values.library);
  const pairings = new ConnectorPairings(join(folder, 'connector.json'));
  const paths = sourceResourcePaths(repoRoot);
  const search = { workerPath: paths.searchWorkerPath, fulltextWorkerPath: paths.fulltextWorkerPath };
  // The address is printed once the library's lock is held (a library open in another process is refused first,
  // with no address), before the library is read: the browser loads the renderer while the library opens, and its
  // first calls wait for the open. A library that cannot be read ends the host with its reason.
  let locked = (): void => undefined;
  const lockHeld = new Promise<void>((resolve) => (locked = resolve));
  const opening = openFolioService(folder, 'web', { host: 'web', connector: pairings, continuousSync: true, bibliography: paths.bibliography, search, onLocked: () => locked() });
  opening.catch((error: unknown) => fail((error as Error).message));
  const host = await startWebHost({ service: opening, rendererDir, port });

  // From the moment the address can be known, Ctrl-C and SIGTERM close the library cleanly, even mid-open.
  let stopping = false;
  let connectorStarting: ReturnType<typeof startHostConnector> | null = null;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    try {
      const service = await opening;
      await (await connectorStarting)?.close();
      await host.close();
      await service.dispose();
      process.exit(0);
    } catch (error) {
      process.stderr.write(`folio web: could not close the library cleanly after ${signal}: ${(error as Error).message}\n`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await Promise.race([lockHeld, opening]);
  process.stdout.write(`${host.url}\n`);
  const service = await opening;
  if (stopping) return;
  // The table can be served from the rows cache meanwhile; warnings exist once the library has loaded.
  service.ready.then(
    () => {
      for (const warning of service.store.warnings) process.stderr.write(`folio web: ${warning}\n`);
      // Later ones too (an external edit kept aside), as they happen: the terminal is where a web-host user looks.
      service.store.onWriteStatus((status) => {
        if (status.warning) process.stderr.write(`folio web: ${status.message}\n`);
      });
      // The search index is built in its worker, then the text of PDFs not yet read: both in the background.
      void service.search.extractMissing().catch((error: unknown) => process.stderr.write(`folio web: reading PDF text failed: ${(error as Error).message}\n`));
      // The change history too, so the first edit does not wait for it.
      void service.loadHistory().catch((error: unknown) => process.stderr.write(`folio web: the change history could not be read: ${(error as Error).message}\n`));
    },
    (error: unknown) => fail((error as Error).message),
  );
  // Status goes to stderr: the one stdout line stays the URL.
  connectorStarting = startHostConnector(service.api, pairings, connectorPortNumber, (line) => process.stderr.write(`folio web: ${line}\n`));
  await connectorStarting;
}

await main();
