import { useStore } from '../../store/index.ts';

export const IMPORT_ACCEPT = '.bib,.bibtex,.ris,.json,.txt,.pdf';

// A reference file over this size is almost certainly something else (a PDF, a disk image).
const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const isPdf = (file: File): boolean => file.type === 'application/pdf' || /\.pdf$/i.test(file.name);

/** Imports PDFs as papers with their file, and reads every other file as text to import, one after the other. */
export async function importFiles(all: Iterable<File>): Promise<void> {
  const s = useStore.getState();
  const files = [...all];
  const pdfs = files.filter(isPdf);
  if (pdfs.length > 0) await s.importPdfFiles(pdfs);
  for (const file of files.filter((f) => !isPdf(f))) {
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
    // With progress and cancel for long files, and the report offers Undo.
    await s.commitText(text, file.name);
  }
}
