import type { LibraryChangedEvent, MenuCommand, StatusEvent, Unsubscribe } from './event-types.ts';
import type { PairingPrompt } from './connector-types.ts';
import type { AnnotationsChangedEvent } from './annotations-types.ts';
import type { SyncStatus } from './sync-types.ts';

/** Events pushed from the host. Each returns its unsubscribe function. */
export interface FolioEvents {
  onLibraryChanged(listener: (event: LibraryChangedEvent) => void): Unsubscribe;
  onMenuCommand(listener: (command: MenuCommand) => void): Unsubscribe;
  onStatus(listener: (event: StatusEvent) => void): Unsubscribe;
  /** A browser extension asks to pair (the prompt), or the prompt was answered or expired (null). */
  onConnectorPairing(listener: (prompt: PairingPrompt | null) => void): Unsubscribe;
  /** An item's annotations were created, edited or deleted (here or by another window, the CLI or sync). */
  onAnnotationsChanged(listener: (event: AnnotationsChangedEvent) => void): Unsubscribe;
  /** The sync status after every exchange, a change of state or an error (sync.status() answers the same). */
  onSyncStatus(listener: (status: SyncStatus) => void): Unsubscribe;
}

export type FolioEventName = keyof FolioEvents;

export type FolioEventPayload = {
  [E in FolioEventName]: FolioEvents[E] extends (listener: (payload: infer P) => void) => Unsubscribe ? P : never;
};

/** One event on the wire. */
export type FolioEventMessage = { [E in FolioEventName]: { event: E; payload: FolioEventPayload[E] } }[FolioEventName];

// A record, so the compiler rejects a list that misses an event of FolioEvents.
const EVENT_NAME_SET: { [E in FolioEventName]: true } = { onLibraryChanged: true, onMenuCommand: true, onStatus: true, onConnectorPairing: true, onAnnotationsChanged: true, onSyncStatus: true };

/** The one list of events: every client and fan-out is built from it, as methods are from API_ARG_SCHEMAS. */
export const FOLIO_EVENT_NAMES = Object.keys(EVENT_NAME_SET) as readonly FolioEventName[];

export function isFolioEventName(name: unknown): name is FolioEventName {
  return typeof name === 'string' && Object.hasOwn(EVENT_NAME_SET, name);
}

/** A stream of wire messages: IPC, server-sent events, or the host's own hub. */
export type EventMessageSource = (listener: (message: FolioEventMessage) => void) => Unsubscribe;

/** Builds the typed FolioEvents from a message stream, one `on*` per name in FOLIO_EVENT_NAMES. */
export function createFolioEvents(source: EventMessageSource): FolioEvents {
  const events: Partial<Record<FolioEventName, (cb: (payload: unknown) => void) => Unsubscribe>> = {};
  for (const name of FOLIO_EVENT_NAMES) {
    events[name] = (cb) => source((message) => {
      if (message.event === name) cb(message.payload);
    });
  }
  return events as FolioEvents;
}
