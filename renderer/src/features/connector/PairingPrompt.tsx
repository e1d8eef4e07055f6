import { useEffect, useState } from 'react';
import type { PairingPrompt as Prompt } from '../../../../shared/api/connector-types.ts';
import { getFolio } from '../../platform/index.ts';

/** "Allow the browser extension to add items?": the only way an extension gets its token is this click. */
export function PairingPrompt() {
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  useEffect(() => {
    const folio = getFolio();
    void folio.connector.pendingPairing().then(setPrompt, () => undefined);
    return folio.events.onConnectorPairing(setPrompt);
  }, []);
  if (!prompt) return null;
  const answer = (allow: boolean) => void getFolio().connector.answerPairing(prompt.id, allow).finally(() => setPrompt(null));
  return (
    <div className="modal-backdrop" data-testid="pairing-prompt">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="pairing-title">
        <h2 id="pairing-title">Allow the browser extension to add items?</h2>
        <p>A browser extension on this computer asks to save papers into this library. Allow it only if it shows the same code:</p>
        <p className="pairing-code" data-testid="pairing-code" style={{ font: '600 22px/1.2 ui-monospace, monospace', letterSpacing: 2 }}>{prompt.code}</p>
        <div className="modal-actions">
          <button type="button" onClick={() => answer(false)}>Refuse</button>
          <button type="button" className="primary" onClick={() => answer(true)}>Allow</button>
        </div>
      </div>
    </div>
  );
}
