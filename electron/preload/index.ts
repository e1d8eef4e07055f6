// The preload exposes window.folio and nothing else. Sandboxed: bundled to one CommonJS file.
import { contextBridge, ipcRenderer } from 'electron';
import { createApiClient } from '../../shared/api/api-client.ts';
import type { ApiResult } from '../../shared/api/api-error.ts';
import type { FolioBridge, FolioEventMessage, FolioEventName, FolioEventPayload, FolioEvents } from '../../shared/api/folio-api.ts';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from './ipc-channels.ts';

const api = createApiClient((method, args) => ipcRenderer.invoke(IPC_CALL_CHANNEL, method, args) as Promise<ApiResult>);

type Listener = (message: FolioEventMessage) => void;
const listeners = new Set<Listener>();
ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, message: FolioEventMessage) => {
  for (const listener of listeners) listener(message);
});

function on<E extends FolioEventName>(name: E, callback: (payload: FolioEventPayload[E]) => void): () => void {
  const listener: Listener = (message) => {
    if (message.event === name) callback(message.payload as FolioEventPayload[E]);
  };
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const events: FolioEvents = {
  onLibraryChanged: (cb) => on('onLibraryChanged', cb),
  onMenuCommand: (cb) => on('onMenuCommand', cb),
  onStatus: (cb) => on('onStatus', cb),
};

const bridge: FolioBridge = { ...api, events };
contextBridge.exposeInMainWorld('folio', bridge);
