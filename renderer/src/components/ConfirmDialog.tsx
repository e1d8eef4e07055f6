import { Modal } from './Modal.tsx';

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  danger: boolean;
  onAnswer(ok: boolean): void;
}

export function ConfirmDialog({ title, message, confirmLabel, danger, onAnswer }: ConfirmDialogProps) {
  return (
    <Modal
      title={title}
      testId="confirm-dialog"
      width={420}
      onClose={() => onAnswer(false)}
      footer={
        <>
          <button type="button" data-testid="confirm-cancel" onClick={() => onAnswer(false)}>Cancel</button>
          <button type="button" autoFocus className={danger ? 'primary danger' : 'primary'} data-testid="confirm-ok" onClick={() => onAnswer(true)}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <p className="confirm-message">{message}</p>
    </Modal>
  );
}
