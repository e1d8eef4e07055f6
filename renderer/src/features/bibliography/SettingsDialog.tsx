import { useEffect, useState, type ReactNode } from 'react';
import { generateCitationKey, validateKeyPattern } from '../../../../shared/citation/index.ts';
import type { CslItemData } from '../../../../shared/model/csl.ts';
import { Modal } from '../../components/Modal.tsx';
import { SegmentedControl } from '../../components/SegmentedControl.tsx';
import { useStore } from '../../store/index.ts';
import { SyncSettings } from '../sync/SyncSettings.tsx';
import { CITE_COMMANDS } from './cite-commands.ts';

/** The paper every key pattern is tried on, so the user sees what a pattern makes. */
const EXAMPLE: CslItemData = {
  type: 'paper-conference',
  title: 'Attention Is All You Need',
  author: [{ family: 'Vaswani', given: 'Ashish' }, { family: 'Shazeer', given: 'Noam' }, { family: 'Parmar', given: 'Niki' }],
  issued: { 'date-parts': [[2017]] },
};

function exampleKey(pattern: string): { key: string; problem: string | null } {
  const problem = validateKeyPattern(pattern);
  return problem === null ? { key: generateCitationKey(EXAMPLE, pattern), problem } : { key: '', problem };
}

/** Library settings for LaTeX users: how new citation keys are made and which \cite command is copied. */
function GeneralSettings({ tabs }: { tabs: ReactNode }) {
  const settings = useStore((s) => s.settings);
  const s = useStore.getState;
  const [pattern, setPattern] = useState<string | null>(null);
  const [command, setCommand] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void useStore.getState().loadSettings();
  }, []);

  const shownPattern = pattern ?? settings?.keyPattern ?? '';
  const shownCommand = command ?? settings?.citeCommand ?? 'cite';
  const example = exampleKey(shownPattern);
  const close = () => s().closeDialog();
  const save = async () => {
    const problem = await s().saveSettings({ keyPattern: shownPattern, citeCommand: shownCommand });
    setError(problem);
    if (problem === null) close();
  };

  return (
    <Modal
      title="Settings"
      testId="settings-dialog"
      width={560}
      onClose={close}
      footer={
        <>
          <button type="button" className="footer-left" data-testid="settings-auto-export" onClick={() => s().openDialog({ kind: 'auto-export', collectionId: null, label: 'Whole library' })}>Auto-export…</button>
          <button type="button" onClick={close}>Cancel</button>
          <button type="button" className="primary" data-testid="settings-save" disabled={settings === null || example.problem !== null} onClick={() => void save()}>Save</button>
        </>
      }
    >
      {tabs}
      <div className="form-grid settings-grid">
        <label htmlFor="settings-key-pattern">Key pattern</label>
        <input id="settings-key-pattern" data-testid="settings-key-pattern" spellCheck={false} value={shownPattern} onChange={(e) => setPattern(e.target.value)} />
        <span />
        <p className={example.problem ? 'field-note error' : 'field-note'} data-testid="settings-key-example">
          {example.problem ?? <>Example: <code>{example.key || '(empty)'}</code> for Vaswani et al., 2017, “Attention Is All You Need”</>}
        </p>
        <span />
        <p className="field-note">Terms: auth, authors(N), year, shorttitle(N), veryshorttitle, title; modifiers .lower .upper .capitalize; "text" in quotes. New items get keys from it; existing keys change only when you regenerate them.</p>
        <label htmlFor="settings-cite-command">Cite command</label>
        <select id="settings-cite-command" data-testid="settings-cite-command" value={shownCommand} onChange={(e) => setCommand(e.target.value)}>
          {[...new Set([...CITE_COMMANDS, shownCommand])].map((c) => <option key={c} value={c}>\{c}{'{…}'}</option>)}
        </select>
      </div>
      {error ? <p className="form-error" role="alert" data-testid="settings-error">{error}</p> : null}
    </Modal>
  );
}

type SettingsTab = 'general' | 'sync';

const TABS = [
  { value: 'general', label: 'General', testId: 'settings-tab-general' },
  { value: 'sync', label: 'Sync', testId: 'settings-tab-sync' },
] as const;

/** Settings, one page at a time: General (keys, cite command, auto-export) and Sync. */
export function SettingsDialog({ tab: initial }: { tab: SettingsTab }) {
  const [tab, setTab] = useState<SettingsTab>(initial);
  const tabs = (
    <div className="settings-tabs">
      <SegmentedControl<SettingsTab> label="Settings page" testId="settings-tabs" value={tab} segments={TABS} onChange={setTab} />
    </div>
  );
  if (tab === 'general') return <GeneralSettings tabs={tabs} />;
  const close = () => useStore.getState().closeDialog();
  return (
    <Modal title="Settings" testId="settings-dialog" width={560} onClose={close} footer={<button type="button" className="primary" data-testid="settings-done" onClick={close}>Done</button>}>
      {tabs}
      <SyncSettings />
    </Modal>
  );
}
