import { Icon } from '../../components/Icon.tsx';
import { useStore } from '../../store/index.ts';

export function Toasts() {
  const toasts = useStore((s) => s.toasts);
  if (toasts.length === 0) return null;
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'} data-testid="toast">
          <span className="toast-text">{t.text}</span>
          <button type="button" className="icon-button small" aria-label="Dismiss" onClick={() => useStore.getState().dismissToast(t.id)}>
            <Icon name="close" size={11} />
          </button>
        </div>
      ))}
    </div>
  );
}
