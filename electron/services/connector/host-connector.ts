import type { FolioApi } from '../../../shared/api/folio-api.ts';
import type { ConnectorPairings } from './connector-pairings.ts';
import { startConnectorServer, type ConnectorServer } from './connector-server.ts';

/**
 * What each host (Electron, web host) does with the connector: listen on the port unless it is 0, and say
 * what happened through `log`. A port already taken (another Folio) is reported and Folio runs on without it.
 */
export async function startHostConnector(api: FolioApi, pairings: ConnectorPairings, port: number, log: (line: string) => void): Promise<ConnectorServer | null> {
  if (port === 0) {
    log('connector off (--connector-port 0)');
    return null;
  }
  try {
    const server = await startConnectorServer({ api, pairings, port });
    log(`connector listening on 127.0.0.1:${server.port}`);
    for (const warning of pairings.state.warnings) log(warning);
    return server;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    log(code === 'EADDRINUSE'
      ? `connector port ${port} is in use (another Folio?); the browser extension cannot reach this one`
      : `connector not started: ${(error as Error).message}`);
    return null;
  }
}
