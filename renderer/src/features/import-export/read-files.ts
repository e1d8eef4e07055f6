import { useStore } from '../../store/index.ts';

export const IMPORT_ACCEPT = '.bib,.bibtex,.ris,.json,.txt';

// A reference file over this size is almost certainly something else (a PDF, a disk image).
const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** Reads each file as text and imports it, one after the other. */
export async function importFiles(files: Iterable<File>): Promise<void> {
  const s = useStore.getState();
  for (const file of files) {
    if (file.size > MAX_IMPORT_BYTES) {
      s.pushToast('error', `${file.name} is too large to import (${Math.round(file.size / 1024 / 1024)} MB)`);
      continue;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      s.pushToast('error', `Could not read ${file.name}`);
      continue;
    }
    await s.importText(text, file.name);
  }
}
