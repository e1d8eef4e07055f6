import { useStore } from '../../store/index.ts';

/** A running import: how far it is, and a way out that leaves the library as it was. */
export function ImportProgress() {
  const job = useStore((s) => s.importJob);
  if (!job) return null;
  const percent = Math.round(job.progress * 100);
  return (
    <div className="import-progress" role="status" data-testid="import-progress">
      <span className="import-progress-label">{job.label}</span>
      <progress max={100} value={percent} aria-label="Import progress" />
      <span className="import-progress-percent">{percent}%</span>
      <button type="button" data-testid="import-cancel" onClick={() => void useStore.getState().cancelImportJob()}>Cancel</button>
    </div>
  );
}
