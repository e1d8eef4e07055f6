import { useStore } from '../../store/index.ts';

/** The device-specific settings, which sync leaves alone: the window's layout and the auto-export files. */
export function LocalSettingsList() {
  const targets = useStore((s) => s.autoExports).filter((t) => t.target.shared !== true);
  return (
    <>
      <p className="field-note">The window's layout (panes, sort, theme) is this device's own. So are the files auto-export keeps, since their paths are this device's, unless a target is marked "Shared with other devices" (Export › Auto-export).</p>
      {targets.length > 0 ? (
        <ul className="sync-list" data-testid="sync-local-targets">
          {targets.map((t) => (
            <li key={t.target.id} className="sync-local-target">
              <code title={t.target.path}>{t.target.path}</code>
              <span className="muted">{t.target.format}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
