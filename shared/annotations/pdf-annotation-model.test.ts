import { describe, expect, it } from 'vitest';
import { ANNOTATION_COLOR_HEX, ANNOTATION_COLORS, type Annotation } from '../model/annotation.ts';
import { asAttachmentId } from '../model/ids.ts';
import { appearanceFor } from './pdf-appearance.ts';
import {
  annotationFingerprint, folioFingerprint, hexToRgb, importedKind, isSkippedMarkup, nearestColor, parsePdfDate, pdfDate, quadsFromPoints,
  recordFingerprint, toPdfFields, type PdfAnnotationRecord,
} from './pdf-annotation-model.ts';
import { planPdfImport } from './pdf-annotation-import.ts';
import { locateQuote } from './quote-context.ts';

const att = asAttachmentId('att_1');

function folio(over: Partial<Annotation> = {}): Annotation {
  return {
    id: 'ann_1', attachmentId: att, type: 'highlight', color: 'yellow', pageIndex: 0, pageLabel: '1',
    quads: [[72.0004, 712, 200.4, 712, 72.0004, 698, 200.4, 698]], rect: [72, 698, 200.4, 712], text: 'Attention', prefix: '', suffix: '',
    textOffset: 0, comment: 'A claim', tags: [], createdAt: '2024-01-31T23:59:58.000Z', modifiedAt: '2024-02-01T10:00:00.000Z', ...over,
  };
}

function record(over: Partial<PdfAnnotationRecord> = {}): PdfAnnotationRecord {
  return {
    ref: '10R', subtype: 'Highlight', pageIndex: 0, rect: [71, 697, 201.4, 713], quadPoints: [72, 712, 200.4, 712, 72, 698, 200.4, 698],
    color: [255, 255, 0], contents: 'A claim', author: 'Ada', name: null, modified: 'D:20240201100000Z', created: null, inReplyTo: null,
    text: 'Attention', ...over,
  };
}

describe('the PDF annotation model', () => {
  it('maps each Folio type to its PDF subtype with /QuadPoints, /Rect, /C, /CA, /NM and dates', () => {
    const fields = toPdfFields(folio(), 'Ada');
    expect(fields).toMatchObject({ subtype: 'Highlight', name: 'ann_1', author: 'Ada', contents: 'A claim', opacity: 0.6, modified: 'D:20240201100000Z', created: 'D:20240131235958Z' });
    expect(fields.quadPoints).toEqual([72, 712, 200.4, 712, 72, 698, 200.4, 698]);
    expect(fields.rect).toEqual([71, 697, 201.4, 713]);
    expect(fields.color).toEqual([1, 0.831, 0]);
    expect(toPdfFields(folio({ type: 'underline' }), '').subtype).toBe('Underline');
    expect(toPdfFields(folio({ type: 'note', quads: [], rect: [10, 20, 30, 40] }), '')).toMatchObject({ subtype: 'Text', rect: [10, 20, 30, 40], quadPoints: [], opacity: 1 });
    expect(toPdfFields(folio({ type: 'area', quads: [], rect: [300, 400, 100, 200] }), '')).toMatchObject({ subtype: 'Square', rect: [100, 200, 300, 400] });
  });

  it('reads the subtypes other tools write, and says which it skips', () => {
    expect(importedKind('Squiggly')).toEqual({ type: 'underline' });
    expect(importedKind('StrikeOut')).toEqual({ type: 'underline', tag: 'strikeout' });
    expect(importedKind('FreeText')).toEqual({ type: 'note' });
    expect(importedKind('Circle')).toEqual({ type: 'area' });
    expect(importedKind('Ink')).toBeNull();
    expect(isSkippedMarkup('Ink')).toBe(true);
    expect(isSkippedMarkup('Link')).toBe(false);
    expect(isSkippedMarkup('Popup')).toBe(false);
  });

  it('picks the nearest of the eight colours, each its own nearest', () => {
    for (const name of ANNOTATION_COLORS) expect(nearestColor(hexToRgb(ANNOTATION_COLOR_HEX[name]))).toBe(name);
    expect(nearestColor([255, 255, 0])).toBe('yellow');
    expect(nearestColor([0, 255, 0])).toBe('green');
    expect(nearestColor([0, 0, 255])).toBe('blue');
    expect(nearestColor([255, 0, 0])).toBe('red');
    expect(nearestColor([128, 128, 128])).toBe('gray');
    expect(nearestColor(null)).toBe('yellow');
    expect(nearestColor([Number.NaN, 0, 0])).toBe('yellow');
  });

  it('writes and reads PDF dates, time zones included', () => {
    expect(pdfDate('2024-01-31T23:59:58.123Z')).toBe('D:20240131235958Z');
    expect(parsePdfDate('D:20240131235958Z')).toBe('2024-01-31T23:59:58.000Z');
    expect(parsePdfDate("D:20240201003000+01'00'")).toBe('2024-01-31T23:30:00.000Z');
    expect(parsePdfDate('D:2024')).toBe('2024-01-01T00:00:00.000Z');
    expect(parsePdfDate('yesterday')).toBeNull();
    expect(parsePdfDate('D:20241399')).toBeNull();
    expect(parsePdfDate(null)).toBeNull();
  });

  it('reads quads in any corner order as boxes in UL, UR, LL, LR order', () => {
    // The order the PDF spec draws (LL, LR, UR, UL) and the one Acrobat writes give the same box.
    expect(quadsFromPoints([72, 698, 200, 698, 200, 712, 72, 712])).toEqual([[72, 712, 200, 712, 72, 698, 200, 698]]);
    expect(quadsFromPoints([72, 712, 200, 712, 72, 698, 200, 698, 1])).toHaveLength(1);
    expect(quadsFromPoints([Number.NaN, 0, 0, 0, 0, 0, 0, 0])).toEqual([]);
  });

  it('fingerprints alike an annotation before export and after reading it back, whatever its colour or date', () => {
    const written = toPdfFields(folio(), 'Ada');
    const readBack = record({ quadPoints: written.quadPoints.map((v) => Math.fround(v)), rect: written.rect, color: [0, 0, 255], modified: null });
    expect(recordFingerprint(readBack)).toBe(folioFingerprint(folio()));
    expect(recordFingerprint(record({ contents: 'Another claim' }))).not.toBe(folioFingerprint(folio()));
    expect(recordFingerprint(record({ pageIndex: 1 }))).not.toBe(folioFingerprint(folio()));
    expect(recordFingerprint(record({ subtype: 'Ink' }))).toBeNull();
    expect(annotationFingerprint('note', 0, [], [10.2, 20, 30, 40], '  two   words ')).toBe(annotationFingerprint('note', 0, [], [10, 20, 30, 40], 'two words'));
  });

  it('draws an appearance stream for every type, in the annotation\'s own box', () => {
    for (const type of ['highlight', 'underline', 'note', 'area'] as const) {
      const fields = toPdfFields(folio({ type, ...(type === 'note' || type === 'area' ? { quads: [], rect: [100, 100, 120, 120] } : {}) }), '');
      const ap = appearanceFor(fields);
      expect(ap.bbox).toEqual(fields.rect);
      expect(ap.content).toMatch(/\b(f|S|B)\n$/);
    }
    const highlight = appearanceFor(toPdfFields(folio(), ''));
    expect(highlight.blend).toEqual({ mode: 'Multiply', opacity: 0.6 });
    expect(highlight.content).toContain('72 712 m 200.4 712 l 200.4 698 l 72 698 l h');
  });
});

describe('importing the annotations of a file', () => {
  const pages = new Map([[0, { label: 'iv', text: 'We show that Attention is all you need.\nAttention again.' }]]);
  const plan = (read: PdfAnnotationRecord[], existing: Annotation[] = []) => {
    let n = 0;
    return planPdfImport({ attachmentId: att, read: read.map((r) => ({ record: r, textHint: 13 })), pages, existing, now: '2025-01-01T00:00:00.000Z', newId: () => `ann_new${++n}` });
  };

  it('makes Folio annotations with the quote in its context, the page label and the dates of the file', () => {
    const { annotations, skipped } = plan([record()]);
    expect(skipped).toBe(0);
    expect(annotations).toMatchObject([{
      id: 'ann_new1', type: 'highlight', color: 'yellow', pageLabel: 'iv', text: 'Attention', prefix: 'We show that ', suffix: ' is all you need.\nAttention agai', textOffset: 13,
      comment: 'A claim', createdAt: '2024-02-01T10:00:00.000Z', pdfFingerprint: recordFingerprint(record()),
    }]);
  });

  it('recognises its own export by /NM and an earlier import by fingerprint; skips ink, counts it', () => {
    expect(plan([record({ name: 'ann_1', contents: 'edited elsewhere' })], [folio({ comment: 'other' })]).annotations).toEqual([]);
    const imported = plan([record()]).annotations;
    expect(plan([record({ color: [0, 0, 255] })], imported)).toEqual({ annotations: [], skipped: 1 });
    expect(plan([record({ subtype: 'Ink' }), record({ subtype: 'Link' })])).toEqual({ annotations: [], skipped: 1 });
    // A highlight Folio made and exported, read back from a tool that dropped /NM: its fingerprint still matches.
    const readBack = record({ quadPoints: toPdfFields(folio(), '').quadPoints, contents: 'A claim' });
    expect(plan([readBack], [folio()]).annotations).toEqual([]);
  });

  it('folds replies into the comment they answer', () => {
    const reply = record({ ref: '11R', subtype: 'Text', inReplyTo: '10R', contents: 'Agreed', author: 'Bob', rect: [0, 0, 10, 10], quadPoints: [] });
    const { annotations } = plan([record(), reply]);
    expect(annotations).toHaveLength(1);
    expect(annotations[0]!.comment).toBe('A claim\n\nBob: Agreed');
  });

  it('finds a quote across whitespace differences, nearest the hint when it repeats', () => {
    expect(locateQuote('one Attention\n two Attention three', 'Attention two')).toMatchObject({ offset: 4 });
    expect(locateQuote('Attention a Attention b', 'Attention', 14)).toMatchObject({ offset: 12, prefix: 'Attention a ', suffix: ' b' });
    expect(locateQuote('nothing here', 'absent')).toEqual({ offset: -1, prefix: '', suffix: '' });
    expect(locateQuote('a broken hyphen-\nated word', 'hyphenated')).toMatchObject({ offset: -1 });
  });
});
