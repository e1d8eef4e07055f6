import { FolioError } from '../../../shared/api/api-error.ts';

/** Bytes searched for the header and for the end-of-file marker (readers allow junk around them). */
const MARGIN = 1024;

/**
 * Refuses what is not a whole PDF before any parsing: an empty file, another format named
 * `.pdf`, a file cut short (no `%%EOF` near the end). The message names the file.
 */
export function checkPdfBytes(fileName: string, bytes: Uint8Array): void {
  if (bytes.length === 0) throw new FolioError('PARSE', `${fileName}: the file is empty (0 bytes)`, { file: fileName });
  const head = latin1(bytes.subarray(0, MARGIN));
  if (!head.includes('%PDF-')) throw new FolioError('PARSE', `${fileName}: not a PDF (no %PDF- header)`, { file: fileName });
  const tail = latin1(bytes.subarray(Math.max(0, bytes.length - MARGIN)));
  if (!tail.includes('%%EOF')) throw new FolioError('PARSE', `${fileName}: the PDF is truncated (no end-of-file marker)`, { file: fileName });
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}
