import { CONNECTOR_DEFAULT_PORT, CONNECTOR_PATHS, CONNECTOR_TOKEN_HEADER } from '../../shared/api/connector-protocol.ts';

/** Talks to Folio's connector port. `unreachable` means Folio is not running (or not listening there). */
export class ConnectorError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function settings(): Promise<{ port: number; token: string | null }> {
  const got = await chrome.storage.local.get(['port', 'token']);
  return { port: typeof got.port === 'number' ? got.port : CONNECTOR_DEFAULT_PORT, token: typeof got.token === 'string' ? got.token : null };
}

export async function call<T>(path: (typeof CONNECTOR_PATHS)[keyof typeof CONNECTOR_PATHS], body: unknown): Promise<T> {
  const { port, token } = await settings();
  let response: Response;
  try {
    response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { [CONNECTOR_TOKEN_HEADER]: token } : {}) },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ConnectorError(0, 'UNREACHABLE', 'Folio is not running');
  }
  const answer = (await response.json().catch(() => ({}))) as { error?: { code: string; message: string } };
  if (!response.ok) throw new ConnectorError(response.status, answer.error?.code ?? 'ERROR', answer.error?.message ?? `HTTP ${response.status}`);
  return answer as T;
}
