import { CONNECTOR_DEFAULT_PORT } from '../../../shared/api/connector-protocol.ts';

/**
 * The connector port: `--connector-port N`, else FOLIO_CONNECTOR_PORT, else 23140. 0 turns the connector off.
 * Throws with a message naming the bad value.
 */
export function connectorPort(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): number {
  const raw = flag ?? env.FOLIO_CONNECTOR_PORT;
  if (raw === undefined || raw === '') return CONNECTOR_DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${flag !== undefined ? '--connector-port' : 'FOLIO_CONNECTOR_PORT'} must be a port number (0 turns the connector off), not "${raw}"`);
  }
  return port;
}

/** `--connector-port N` or `--connector-port=N` from a raw argv (Electron passes its own flags too). */
export function connectorPortFlag(argv: readonly string[]): string | undefined {
  for (const [i, arg] of argv.entries()) {
    if (arg === '--connector-port') return argv[i + 1] ?? '';
    if (arg.startsWith('--connector-port=')) return arg.slice('--connector-port='.length);
  }
  return undefined;
}
