import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentFileName, resolveInsideAttachments, safeFileName } from './attachment-files.ts';

describe('attachment paths', () => {
  const library = resolve('/tmp/lib');

  it('names files by the pattern and keeps each name one harmless segment', () => {
    expect(attachmentFileName('{key}.pdf', 'vaswani2017attention')).toBe('vaswani2017attention.pdf');
    expect(attachmentFileName('{key}.pdf', '../../etc/passwd')).toBe('etc-passwd.pdf');
    expect(safeFileName('..')).toBe('attachment.pdf');
    expect(safeFileName('a/b\\c:d*e?.pdf')).toBe('a-b-c-d-e.pdf');
    expect(safeFileName('CON')).toBe('attachment-CON.pdf');
    expect(safeFileName('.hidden')).toBe('hidden.pdf');
  });

  it('resolves paths inside <library>/attachments and refuses any that leave it', () => {
    expect(resolveInsideAttachments(library, 'it_1/x.pdf')).toBe(join(library, 'attachments', 'it_1', 'x.pdf'));
    for (const bad of ['../library.json', 'it_1/../../library.json', '/etc/passwd', '..', '', '.']) {
      expect(() => resolveInsideAttachments(library, bad), bad).toThrow(/leaves the attachments folder/);
    }
  });
});
