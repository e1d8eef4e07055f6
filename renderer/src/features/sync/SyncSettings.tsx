import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SyncDevice, SyncStatus } from '../../../../shared/api/sync-types.ts';
import { hostKind } from '../../platform/index.ts';
import { useStore } from '../../store/index.ts';
import { SyncStatusLine } from './SyncStatusLine.tsx';
import { LocalSettingsList } from './LocalSettingsList.tsx';
import { SyncProblems } from './SyncProblems.tsx';
import { useRelativeTime } from './useRelativeTime.ts';
import './sync.css';

function DeviceRow({ device }: { device: SyncDevice }) {
  const ago = useRelativeTime(device.lastChangeAt);
  return (
    <tr data-testid="sync-device" data-self={device.self ? 'true' : undefined}>
      <td className="sync-device-name" title={device.deviceId}>
        {device.name}
        {device.self ? <span className="sync-self">this device</span> : null}
      </td>
      <td>{ago ?? (device.operations > 0 ? '—' : 'no changes yet')}</td>
      <td className="numeric">{device.operations.toLocaleString()}</td>
    </tr>
  );
}

function FolderPicker({ status }: { status: SyncStatus }) {
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const [moving, setMoving] = useState(false);
  const running = useStore((st) => st.syncRunning);
  const s = useStore.getState;
  const on = status.folder !== null;

  const join = async (folder: string) => {
    setWorking(true);
    const problem = await s().configureSync(folder, null);
    setWorking(false);
    setError(problem);
    if (problem === null) {
      setPath('');
      setMoving(false);
      void s().syncNow();
    }
  };
  const choose = async () => {
    const folder = await s().chooseSyncFolder();
    if (folder !== null) {
      setPath(folder);
      await join(folder);
    }
  };
  const turnOff = async () => {
    const ok = await s().askConfirm({
      title: 'Turn sync off',
      message: 'This library stops exchanging changes with the sync folder. The library and the sync folder stay as they are; turning sync on again with the same folder picks up where it left.',
      confirmLabel: 'Turn off',
      danger: false,
    });
    if (ok) setError(await s().configureSync(null, null));
  };
  const typed = path.trim();
  const absolute = /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(typed);

  return (
    <>
      {on ? (
        <div className="sync-folder-line">
          <code className="sync-folder" data-testid="sync-folder" title={status.folder ?? ''}>{status.folder}</code>
          <button type="button" data-testid="sync-now" disabled={running} onClick={() => void s().syncNow()}>Sync now</button>
          <button type="button" className="danger" data-testid="sync-turn-off" onClick={() => void turnOff()}>Turn off</button>
        </div>
      ) : (
        <p className="panel-hint">Sync is off. Choose a folder inside the folder your sync engine carries (Syncthing, Dropbox, iCloud, Nextcloud or a git repository); on each other device, join that device's copy of it.</p>
      )}
      {on && !moving ? (
        <button type="button" className="link-button" data-testid="sync-move" onClick={() => setMoving(true)}>Move to another folder…</button>
      ) : (
        <div className="sync-folder-pick">
          <input
            aria-label={on ? 'Path of the new sync folder' : 'Path of the sync folder'}
            placeholder={hostKind() === 'electron' ? 'Choose a folder, or type its path' : '/home/me/Sync/folio'}
            spellCheck={false}
            autoFocus={moving}
            data-testid="sync-folder-input"
            value={path}
            onChange={(e) => setPath(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter' && absolute) void join(typed); }}
          />
          {hostKind() === 'electron' ? <button type="button" data-testid="sync-choose-folder" disabled={working} onClick={() => void choose()}>Choose…</button> : null}
          <button type="button" className="primary" data-testid="sync-join" disabled={!absolute || working} onClick={() => void join(typed)}>
            {on ? 'Move' : 'Turn on sync'}
          </button>
          {on ? <button type="button" onClick={() => { setMoving(false); setPath(''); }}>Cancel</button> : null}
        </div>
      )}
      {typed !== '' && !absolute ? <p className="field-note">Give the folder's absolute path, such as /home/me/Sync/folio.</p> : null}
      {error ? <p className="form-error" role="alert" data-testid="sync-error">{error}</p> : null}
    </>
  );
}

function DeviceName({ status }: { status: SyncStatus }) {
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = name ?? status.deviceName;
  const changed = name !== null && name.trim() !== '' && name.trim() !== status.deviceName;
  const save = async () => {
    const problem = await useStore.getState().configureSync(status.folder, shown.trim());
    setError(problem);
    if (problem === null) setName(null);
  };
  return (
    <>
      <div className="sync-name-line">
        <input id="sync-device-name" data-testid="sync-device-name" maxLength={100} value={shown} onChange={(e) => setName(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter' && changed) void save(); }} />
        <button type="button" data-testid="sync-device-name-save" disabled={!changed} onClick={() => void save()}>Rename</button>
      </div>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </>
  );
}

/** Settings › Sync: the folder, this device's name, the other devices, what went wrong, and what stays on this device. */
export function SyncSettings() {
  const { status, error } = useStore(useShallow((s) => ({ status: s.syncStatus, error: s.syncStatusError })));

  useEffect(() => {
    void useStore.getState().loadSyncStatus();
    void useStore.getState().loadAutoExports();
  }, []);

  if (!status) {
    return error ? <p className="form-error" role="alert" data-testid="sync-status-error">Could not read the sync status: {error}</p> : <p className="panel-empty">Reading the sync status…</p>;
  }
  return (
    <div className="sync-settings" data-testid="sync-settings">
      <section className="settings-section">
        <h3 className="section-title">Sync folder</h3>
        {status.folder !== null ? <div className="sync-live"><SyncStatusLine testId="sync-settings-status" /></div> : null}
        <FolderPicker status={status} />
      </section>

      <section className="settings-section">
        <h3 className="section-title"><label htmlFor="sync-device-name">This device's name</label></h3>
        <DeviceName status={status} />
        <p className="field-note">Shown to the other devices and in every item's history.</p>
      </section>

      {status.devices.length > 0 ? (
        <section className="settings-section">
          <h3 className="section-title">Devices</h3>
          <table className="sync-devices">
            <thead><tr><th>Name</th><th>Last change</th><th className="numeric">Changes</th></tr></thead>
            <tbody>{status.devices.map((d) => <DeviceRow key={d.deviceId} device={d} />)}</tbody>
          </table>
        </section>
      ) : null}

      <SyncProblems status={status} />

      <section className="settings-section">
        <h3 className="section-title">Stays on this device</h3>
        <LocalSettingsList />
      </section>
    </div>
  );
}
