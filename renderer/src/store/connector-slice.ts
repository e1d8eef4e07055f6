import type { PairingPrompt } from '../../../shared/api/connector-types.ts';
import { getFolio } from '../platform/index.ts';
import { errorMessage, type SliceCreator } from './store-types.ts';

export interface ConnectorSlice {
  /** The browser extension asking to pair, shown as the pairing prompt; null when none asks. */
  pairingPrompt: PairingPrompt | null;
  /** Asks the host for a pending pairing (at start; later ones arrive as onConnectorPairing). */
  loadPairingPrompt(): Promise<void>;
  setPairingPrompt(prompt: PairingPrompt | null): void;
  /** The user's answer: Allow mints the extension's token, Refuse turns it away. */
  answerPairing(allow: boolean): Promise<void>;
}

export const createConnectorSlice: SliceCreator<ConnectorSlice> = (set, get) => ({
  pairingPrompt: null,

  async loadPairingPrompt() {
    try {
      set({ pairingPrompt: await getFolio().connector.pendingPairing() });
    } catch {
      // A host without the connector has nothing to show.
    }
  },

  setPairingPrompt: (pairingPrompt) => set({ pairingPrompt }),

  async answerPairing(allow) {
    const prompt = get().pairingPrompt;
    if (!prompt) return;
    set({ pairingPrompt: null });
    try {
      await getFolio().connector.answerPairing(prompt.id, allow);
      get().pushToast('info', allow ? 'The browser extension can now add items' : 'The browser extension was refused');
    } catch (error) {
      get().pushToast('error', `Pairing: ${errorMessage(error)}`);
    }
  },
});
