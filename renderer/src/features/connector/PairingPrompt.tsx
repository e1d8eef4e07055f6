import { Modal } from '../../components/Modal.tsx';
import { useStore } from '../../store/index.ts';

/** "Allow the browser extension to add items?": the only way an extension gets its token is this click. */
export function PairingPrompt() {
  const prompt = useStore((s) => s.pairingPrompt);
  const answerPairing = useStore((s) => s.answerPairing);
  if (!prompt) return null;
  return (
    <Modal
      title="Allow the browser extension to add items?"
      testId="pairing-prompt"
      width={460}
      onClose={() => void answerPairing(false)}
      footer={
        <>
          <span className="modal-hint">Allowed once; the extension keeps its key.</span>
          {/* Focus starts on Refuse: Enter must not allow an extension the user has not looked at. */}
          <button type="button" data-testid="pairing-refuse" autoFocus onClick={() => void answerPairing(false)}>Refuse</button>
          <button type="button" data-testid="pairing-allow" className="primary" onClick={() => void answerPairing(true)}>Allow</button>
        </>
      }
    >
      <p>A browser extension on this computer asks to save papers, with their PDFs, into this library.</p>
      <p>Allow it only if the extension shows the same code:</p>
      <p className="pairing-code" data-testid="pairing-code">{prompt.code}</p>
    </Modal>
  );
}
