import { Icon } from '../../components/Icon.tsx';
import { Modal } from '../../components/Modal.tsx';
import { useStore } from '../../store/index.ts';

/**
 * File > Import from the Electron menu arrives without a user gesture in the
 * page, and Chromium only opens a file chooser for one. This dialog's button
 * is that gesture.
 */
export function ImportDialog() {
  const s = useStore.getState;
  return (
    <Modal
      title="Import References"
      testId="import-dialog"
      width={440}
      onClose={() => s().closeDialog()}
      footer={
        <>
          <button type="button" onClick={() => s().closeDialog()}>Cancel</button>
          <button
            type="button"
            className="primary"
            autoFocus
            data-testid="import-choose-file"
            onClick={() => {
              s().closeDialog();
              s().requestFileImport();
            }}
          >
            Choose File…
          </button>
        </>
      }
    >
      <div className="import-hint">
        <Icon name="import" size={22} />
        <p>Choose a BibTeX, RIS or CSL-JSON file, or drop one anywhere on the window. Items go into the open collection.</p>
      </div>
    </Modal>
  );
}
