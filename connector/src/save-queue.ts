import { CONNECTOR_PATHS, type SaveRequest, type SaveResponse } from '../../shared/api/connector-protocol.ts';
import { call, ConnectorError } from './connector-client.ts';

/**
 * Saves made while Folio was not running, kept in the extension's storage (unlimitedStorage: a queued PDF can be
 * large) and delivered oldest first. Each keeps its idempotency key, so a delivery that Folio applied but whose
 * answer was lost is answered from Folio's record on the next try, never applied twice.
 */
export async function queued(): Promise<SaveRequest[]> {
  const got = await chrome.storage.local.get('queue');
  return Array.isArray(got.queue) ? (got.queue as SaveRequest[]) : [];
}

export async function enqueue(request: SaveRequest): Promise<void> {
  await chrome.storage.local.set({ queue: [...(await queued()), request] });
}

async function drop(key: string): Promise<void> {
  await chrome.storage.local.set({ queue: (await queued()).filter((q) => q.idempotencyKey !== key) });
}

let flushing: Promise<number> | null = null;

/** Delivers what waits; one flush at a time (the alarm, the popup and a pairing may all ask). Answers how many were delivered. */
export function flushQueue(): Promise<number> {
  flushing ??= (async () => {
    let delivered = 0;
    for (const request of await queued()) {
      try {
        await call<SaveResponse>(CONNECTOR_PATHS.save, request);
        delivered++;
      } catch (error) {
        // Folio away or the extension unpaired: keep it for later. Any other answer (a page Folio refuses) is final.
        if (error instanceof ConnectorError && (error.status === 0 || error.code === 'NOT_PAIRED')) break;
      }
      await drop(request.idempotencyKey);
    }
    return delivered;
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}
