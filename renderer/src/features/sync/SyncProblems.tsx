import type { SyncStatus } from '../../../../shared/api/sync-types.ts';

/** What sync could not take (named by device, file and line, so the user can act) and the keys it had to rename. */
export function SyncProblems({ status }: { status: SyncStatus }) {
  const names = new Map(status.devices.map((d) => [d.deviceId, d.name]));
  if (status.problems.length === 0 && status.keyRenames.length === 0 && !status.lastError) return null;
  return (
    <section className="settings-section">
      {status.lastError ? <p className="form-error" role="alert" data-testid="sync-last-error">{status.lastError}</p> : null}
      {status.problems.length > 0 ? (
        <>
          <h3 className="section-title">Rejected records</h3>
          <p className="field-note">These records in the sync folder were not taken in; everything else was. Fix or remove them on the device that wrote them.</p>
          <ul className="sync-list" data-testid="sync-problems">
            {status.problems.map((p, i) => (
              <li key={`${p.file}:${p.line ?? ''}:${i}`} data-testid="sync-problem">
                <code>{p.file}{p.line !== null ? `:${p.line}` : ''}</code>
                <span className="muted"> from {names.get(p.deviceId) ?? p.deviceId}</span>
                <div>{p.message}</div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {status.keyRenames.length > 0 ? (
        <>
          <h3 className="section-title">Citation keys renamed by sync</h3>
          <p className="field-note">Another device's item, created first, had the same key; these items took the next suffix.</p>
          <ul className="sync-list" data-testid="sync-key-renames">
            {status.keyRenames.map((r) => (
              <li key={`${r.itemId}|${r.at}`} data-testid="sync-key-rename">
                <code>{r.from}</code> → <code>{r.to}</code> <span className="muted">{new Date(r.at).toLocaleString()}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
