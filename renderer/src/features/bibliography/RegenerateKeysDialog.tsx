import { useEffect, useState } from 'react';
import type { KeyChange } from '../../../../shared/api/library-types.ts';
import type { ItemId } from '../../../../shared/model/ids.ts';
import { Modal } from '../../components/Modal.tsx';
import { useStore } from '../../store/index.ts';

/** Shows every key that would change (pinned keys never do) before anything is renamed. */
export function RegenerateKeysDialog({ ids }: { ids: ItemId[] }) {
  const [changes, setChanges] = useState<KeyChange[] | null>(null);
  const s = useStore.getState;

  useEffect(() => {
    let live = true;
    void useStore.getState().previewKeyRegeneration(ids).then((found) => {
      if (live) setChanges(found ?? []);
    });
    return () => {
      live = false;
    };
  }, [ids]);

  const close = () => s().closeDialog();
  const apply = async () => {
    close();
    await s().regenerateKeys(ids);
  };
  const unchanged = changes === null ? 0 : ids.length - changes.length;

  return (
    <Modal
      title="Regenerate Citation Keys"
      testId="regenerate-keys-dialog"
      width={560}
      onClose={close}
      footer={
        <>
          <button type="button" onClick={close}>Cancel</button>
          <button type="button" className="primary" data-testid="regenerate-apply" disabled={!changes || changes.length === 0} onClick={() => void apply()}>
            {changes && changes.length > 0 ? `Change ${changes.length.toLocaleString()} Key${changes.length === 1 ? '' : 's'}` : 'Change Keys'}
          </button>
        </>
      }
    >
      {changes === null ? <p className="panel-hint">Working out the new keys…</p> : (
        <>
          <p className="panel-hint" data-testid="regenerate-summary">
            {changes.length === 0 ? 'Every key already matches the pattern (or is pinned): nothing to change.' : `${changes.length.toLocaleString()} of ${ids.length.toLocaleString()} keys change.`}
            {unchanged > 0 && changes.length > 0 ? ` ${unchanged.toLocaleString()} stay as they are (pinned or already matching).` : ''}
            {' '}Documents that cite the old keys will need updating.
          </p>
          {changes.length > 0 ? (
            <table className="key-changes" data-testid="regenerate-preview">
              <thead><tr><th>From</th><th aria-hidden="true" /><th>To</th></tr></thead>
              <tbody>
                {changes.slice(0, 500).map((c) => (
                  <tr key={c.id}><td><code>{c.from}</code></td><td aria-hidden="true">→</td><td><code>{c.to}</code></td></tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {changes.length > 500 ? <p className="panel-hint">…and {(changes.length - 500).toLocaleString()} more.</p> : null}
        </>
      )}
    </Modal>
  );
}
