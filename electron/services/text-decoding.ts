import { FolioError } from '../../shared/api/api-error.ts';
import { scanUtf8, type Utf8Scan } from './utf8-damage.ts';

export interface DecodedText {
  text: string;
  encoding: string;
  /** Set when the encoding had to be guessed. */
  warning?: string;
}

const JABREF_ENCODING = /^%\s*Encoding:\s*([A-Za-z0-9_.:-]+)/m;

function labelFor(jabrefName: string): string {
  const name = jabrefName.toLowerCase().replace(/_/g, '-');
  if (name === 'iso8859-1' || name === 'iso-8859-1' || name === 'latin1') return 'iso-8859-1';
  if (name === 'cp1252' || name === 'windows-1252') return 'windows-1252';
  if (name === 'utf8') return 'utf-8';
  return name;
}

/**
 * Turns the bytes of an import file into text: UTF-8 (with or without BOM),
 * UTF-16 with BOM, JabRef's `% Encoding:` header, and Latin-1/Windows-1252
 * files, which are detected rather than decoded into U+FFFD.
 */
export function decodeTextFile(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strict('utf-8', bytes.subarray(3), fileName), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: strict('utf-16le', bytes.subarray(2), fileName), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: strict('utf-16be', bytes.subarray(2), fileName), encoding: 'utf-16be' };

  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = JABREF_ENCODING.exec(head)?.[1];
  if (declared) {
    const label = labelFor(declared);
    try {
      return { text: strict(label, bytes, fileName), encoding: label };
    } catch (error) {
      if (error instanceof FolioError) throw error;
      throw new FolioError('PARSE', `${fileName}: unknown encoding "${declared}" in its % Encoding: header`, { file: fileName });
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Either UTF-8 with a few damaged bytes (a paste, a bad merge) or a Windows-1252 / Latin-1 export
    // from an older tool. In a 1252 file high bytes almost never happen to form valid UTF-8, so real
    // UTF-8 sequences outnumbering the bad ones says UTF-8.
    const scan = scanUtf8(bytes);
    if (scan.multibyte > 0 && scan.bad.length <= scan.multibyte) {
      return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', warning: damagedUtf8Warning(fileName, scan) };
    }
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      encoding: 'windows-1252',
      warning: `${fileName}: not valid UTF-8; read as Windows-1252 (Latin-1)`,
    };
  }
}

const LISTED_BAD_BYTES = 5;

function damagedUtf8Warning(fileName: string, scan: Utf8Scan): string {
  const where = scan.bad.slice(0, LISTED_BAD_BYTES).map((b) => `line ${b.line} (byte 0x${b.byte.toString(16).toUpperCase().padStart(2, '0')})`);
  const more = scan.bad.length - where.length;
  const list = where.length > 1 ? `${where.slice(0, -1).join(', ')}${more > 0 ? ', ' : ' and '}${where.at(-1)}${more > 0 ? ` and ${more} more` : ''}` : (where[0] ?? '');
  return `${fileName}: not valid UTF-8 at ${list}; those bytes were read as U+FFFD, the rest as UTF-8`;
}

function strict(label: string, bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof RangeError) throw error;
    const offset = firstBadByte(bytes);
    throw new FolioError('PARSE', `${fileName}: not valid ${label}${offset >= 0 ? ` near byte ${offset}` : ''}`, { file: fileName });
  }
}

function firstBadByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid));
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}
