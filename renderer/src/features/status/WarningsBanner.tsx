import { useShallow } from 'zustand/react/shallow';
import { Icon } from '../../components/Icon.tsx';
import { useStore } from '../../store/index.ts';

/** What the library wants the user to know on opening (restored from backup, ...). */
export function WarningsBanner() {
  const { warnings, dismissed } = useStore(useShallow((s) => ({ warnings: s.info?.warnings ?? [], dismissed: s.warningsDismissed })));
  if (warnings.length === 0 || dismissed) return null;
  return (
    <div className="warnings-banner" role="alert" data-testid="warnings-banner">
      <Icon name="warning" />
      <ul>
        {warnings.map((w, i) => <li key={i}>{w}</li>)}
      </ul>
      <button type="button" className="icon-button small" aria-label="Dismiss" data-testid="warnings-dismiss" onClick={() => useStore.getState().dismissWarnings()}>
        <Icon name="close" size={12} />
      </button>
    </div>
  );
}
