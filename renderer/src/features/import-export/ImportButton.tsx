import { useEffect, useRef } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { useStore } from '../../store/index.ts';
import { IMPORT_ACCEPT, importFiles } from './read-files.ts';

export function ImportButton() {
  const busy = useStore((s) => s.busy !== null);
  return (
    <button type="button" className="tool-button" aria-label="Import" title="Import a .bib, .ris or CSL-JSON file (Ctrl+O)" data-testid="import-button" disabled={busy} onClick={() => useStore.getState().requestFileImport()}>
      <Icon name="import" /> <span>Import</span>
    </button>
  );
}

/**
 * The hidden file picker, mounted once for the whole window so the Import
 * button, File > Import and Ctrl+O all reach it from any view.
 */
export function ImportFileInput() {
  const input = useRef<HTMLInputElement>(null);
  const request = useStore((s) => s.fileImportRequest);

  useEffect(() => {
    if (request > 0) input.current?.click();
  }, [request]);

  return (
    <input
      ref={input}
      type="file"
      hidden
      multiple
      accept={IMPORT_ACCEPT}
      data-testid="import-file-input"
      onChange={(e) => {
        const files = [...(e.target.files ?? [])];
        e.target.value = '';
        void importFiles(files);
      }}
    />
  );
}
