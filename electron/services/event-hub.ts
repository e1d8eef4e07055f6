import { createFolioEvents, type FolioEventMessage, type FolioEventName, type FolioEventPayload, type FolioEvents } from '../../shared/api/api-events.ts';

type Listener = (message: FolioEventMessage) => void;

/** Fan-out of host events to every connected window / browser tab / test. */
export class EventHub {
  private readonly listeners = new Set<Listener>();

  emit<E extends FolioEventName>(event: E, payload: FolioEventPayload[E]): void {
    const message = { event, payload } as FolioEventMessage;
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch (error) {
        console.error('folio: event listener failed', error);
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The FolioEvents shape, for in-process consumers (tests, CLI). */
  asEvents(): FolioEvents {
    return createFolioEvents((listener) => {
      const off = this.subscribe(listener);
      return () => {
        off();
      };
    });
  }
}
