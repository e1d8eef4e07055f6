import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { selectorAt } from '../../../shared/annotations/anchoring.ts';
import type { PdfQuad, PdfRect } from '../../../shared/model/annotation.ts';
import type { AttachmentId, ItemId } from '../../../shared/model/ids.ts';
import { emptyLibraryDoc } from '../../../shared/model/library-doc.ts';
import { highlightDraft } from '../../../tests/helpers/annotation-drafts.ts';
import { asBase64 } from '../../../tests/helpers/pdf-fixtures.ts';
import { popplerWords, type PlacedWord } from '../../../tests/helpers/pdftotext-words.ts';
import { tempLibraryFolder } from '../../../tests/helpers/store-test-support.ts';
import { createFolioService, type FolioService } from '../folio-service.ts';
import { FulltextCache } from '../fulltext/fulltext-cache.ts';
import { extractPageTexts } from '../fulltext/pdf-page-text.ts';
import { createMemoryLibraryStore } from '../library-store/index.ts';

interface Line { text: string; x: number; y: number; size: number; font?: 'Helvetica' | 'Times' }

/** A US Letter PDF, each page the given lines placed exactly; `romanLabels` gives it /PageLabels i, ii, iii... */
async function placedPdf(pages: readonly (readonly Line[])[], romanLabels = false): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = { Helvetica: await doc.embedFont(StandardFonts.Helvetica), Times: await doc.embedFont(StandardFonts.TimesRoman) };
  for (const lines of pages) {
    const page = doc.addPage([612, 792]);
    for (const l of lines) page.drawText(l.text, { x: l.x, y: l.y, size: l.size, font: fonts[l.font ?? 'Helvetica'] });
  }
  if (romanLabels) doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: [0, { S: 'r' }] }));
  return doc.save();
}

const LINE_1 = 'The quick sentence we highlight starts here and';
const LINE_2 = 'ends on the next line of the first version.';
const QUOTE = 'starts here and\nends on the next line';
/** v1: the sentence near the top of page 1. */
const V1: Line[][] = [[{ text: 'Title of the paper', x: 72, y: 740, size: 14 }, { text: LINE_1, x: 72, y: 700, size: 11 }, { text: LINE_2, x: 72, y: 686, size: 11 }]];
/** v2: a notice page first; the sentence on page 2, lower, further right and larger, set in Times. */
const V2: Line[][] = [
  [{ text: 'Title of the paper', x: 72, y: 740, size: 14 }, { text: 'This page was added in the second version.', x: 72, y: 700, size: 11 }],
  [
    { text: 'Some text that comes first on this page.', x: 90, y: 500, size: 12, font: 'Times' },
    { text: LINE_1, x: 110, y: 420, size: 12, font: 'Times' },
    { text: LINE_2, x: 110, y: 404, size: 12, font: 'Times' },
  ],
];

const inside = (inner: PdfRect, outer: PdfRect, slack: number) =>
  inner[0] >= outer[0] - slack && inner[1] >= outer[1] - slack && inner[2] <= outer[2] + slack && inner[3] <= outer[3] + slack;
const quadBox = (q: PdfQuad): PdfRect => [Math.min(q[0], q[4]), Math.min(q[5], q[7]), Math.max(q[2], q[6]), Math.max(q[1], q[3])];

let folder: { dir: string; remove: () => Promise<void> };
let service: FolioService;

beforeEach(async () => {
  folder = await tempLibraryFolder('geometry');
  service = createFolioService(createMemoryLibraryStore(emptyLibraryDoc(), folder.dir), { host: 'web' });
});
afterEach(async () => {
  await service.dispose();
  await folder.remove();
});

async function highlightOnV1(): Promise<{ itemId: ItemId; v1: AttachmentId; id: string }> {
  const bytes = await placedPdf(V1);
  const page = (await extractPageTexts(bytes))[0]!;
  const { item } = await service.api.attachments.importPdf('v1.pdf', asBase64(bytes), null);
  const at = page.indexOf(QUOTE);
  expect(at).toBeGreaterThan(0);
  const v1 = item.attachments[0]!.id;
  const a = await service.api.annotations.create(item.id, highlightDraft(v1, { ...selectorAt(page, at, at + QUOTE.length), quads: [[300, 711, 330, 711, 300, 697, 330, 697]], rect: [300, 697, 330, 711], comment: 'keep me' }));
  return { itemId: item.id, v1, id: a.id };
}

describe('a highlight on a replaced PDF', () => {
  it('gets quads over its sentence in the new file, one per line, with the new page and its label', async () => {
    const { itemId, id } = await highlightOnV1();
    const v2Bytes = await placedPdf(V2, true);
    const v2File = join(folder.dir, 'v2-check.pdf');
    writeFileSync(v2File, v2Bytes);
    await service.api.attachments.importPdf('v2.pdf', asBase64(v2Bytes), itemId);

    const moved = (await service.api.annotations.list(itemId)).find((a) => a.id === id)!;
    expect(moved).toMatchObject({ pageIndex: 1, pageLabel: 'ii', text: QUOTE, comment: 'keep me' });
    expect(moved.relocated).toBeUndefined();
    expect(moved.quads).toHaveLength(2);

    // Checked against poppler's word boxes: every word of the quote lies in its line's quad, the quads begin at the
    // first word and end at the last, and the word before the quote is left out.
    const words = popplerWords(v2File)[1]!;
    const line1 = words.filter((w) => Math.abs(w.box[1] - words.find((x) => x.text === 'quick')!.box[1]) < 1);
    const line2 = words.filter((w) => Math.abs(w.box[1] - words.find((x) => x.text === 'ends')!.box[1]) < 1);
    const quoted1 = line1.slice(line1.findIndex((w) => w.text === 'starts'));
    const quoted2 = line2.slice(0, line2.findIndex((w) => w.text === 'line') + 1);
    expect(quoted1.map((w) => w.text)).toEqual(['starts', 'here', 'and']);
    expect(quoted2.map((w) => w.text)).toEqual(['ends', 'on', 'the', 'next', 'line']);
    const [q1, q2] = moved.quads.map(quadBox) as [PdfRect, PdfRect];
    // A line's run ends are exact; a quote edge inside a run is placed by Helvetica's advances, so in Times it may
    // be off by a fraction of a glyph (at most a third of the 12 pt size here).
    const check = (quad: PdfRect, quoted: PlacedWord[], startSlack: number, endSlack: number) => {
      for (const w of quoted) expect(inside(w.box, quad, 1.5), `${w.text} ${w.box.join(',')} in ${quad.join(',')}`).toBe(true);
      expect(Math.abs(quad[0] - quoted[0]!.box[0])).toBeLessThan(startSlack);
      expect(Math.abs(quad[2] - quoted.at(-1)!.box[2])).toBeLessThan(endSlack);
    };
    check(q1, quoted1, 4, 1.5);
    check(q2, quoted2, 1.5, 4);
    expect(q1[0]).toBeGreaterThan(line1.find((w) => w.text === 'highlight')!.box[2]);
    expect(q1[1]).toBeGreaterThan(q2[3] - 1);
    expect(moved.rect).toEqual([Math.min(q1[0], q2[0]), q2[1], Math.max(q1[2], q2[2]), q1[3]]);
  });

  it('keeps its old quads with the relocated mark when the new page is not the text it was anchored in', async () => {
    const { itemId, id } = await highlightOnV1();
    const v2Bytes = await placedPdf(V2);
    const pages = await extractPageTexts(v2Bytes);
    const { createHash } = await import('node:crypto');
    // A cache of the new file's text that the file's glyphs do not match (a stale or foreign cache).
    await new FulltextCache(folder.dir).put(createHash('sha256').update(v2Bytes).digest('hex'), [pages[0]!, `Erratum.\n${pages[1]!}`]);
    await service.api.attachments.importPdf('v2.pdf', asBase64(v2Bytes), itemId);
    const moved = (await service.api.annotations.list(itemId)).find((a) => a.id === id)!;
    expect(moved).toMatchObject({ pageIndex: 1, pageLabel: '2', relocated: true, quads: [[300, 711, 330, 711, 300, 697, 330, 697]] });
  });
});

describe('an area annotation', () => {
  it('is created through the API with the text of the glyphs inside its rect, which the Markdown export then has', async () => {
    const bytes = await placedPdf(V2);
    const file = join(folder.dir, 'area-check.pdf');
    writeFileSync(file, bytes);
    const { item } = await service.api.attachments.importPdf('paper.pdf', asBase64(bytes), null);
    const words = popplerWords(file)[1]!;
    const box = (text: string) => words.find((w) => w.text === text && w.box[1] < 450)!.box;
    // Around both lines of the sentence, as a user would drag it, leaving out the line above.
    const rect: PdfRect = [box('The')[0] - 4, box('ends')[1] - 3, box('and')[2] + 4, box('The')[3] + 3];
    const draft = { type: 'area' as const, pageIndex: 1, pageLabel: '2', quads: [], text: '', prefix: '', suffix: '', textOffset: -1 };
    const area = await service.api.annotations.create(item.id, highlightDraft(item.attachments[0]!.id, { ...draft, rect }));
    expect(area.text).toBe(`${LINE_1}\n${LINE_2}`);
    expect(area.rect).toEqual(rect);
    expect(area.prefix).toMatch(/first on this page\.\n$/);
    expect(area.suffix).toBe('');
    expect(area.textOffset).toBeGreaterThan(0);
    // Two words in the middle of a line: what poppler places inside the rect, and nothing of the words beside them.
    const part = await service.api.annotations.create(item.id, highlightDraft(item.attachments[0]!.id, {
      ...draft, rect: [box('sentence')[0] - 1, box('we')[1] - 2, box('we')[2] + 1, box('we')[3] + 2],
    }));
    expect(part.text).toBe('sentence we');
    expect(part.prefix).toMatch(/The quick $/);
    expect(part.suffix).toMatch(/^ highlight/);
    expect(await service.api.annotations.exportMarkdown(item.id, [area.id])).toContain('quick sentence we');

    // An area over blank paper keeps no text, and a text the caller gave is kept as given.
    const blank = await service.api.annotations.create(item.id, highlightDraft(item.attachments[0]!.id, { type: 'area', pageIndex: 1, quads: [], rect: [300, 100, 400, 200], text: '', prefix: '', suffix: '', textOffset: -1 }));
    expect(blank.text).toBe('');
    const given = await service.api.annotations.create(item.id, highlightDraft(item.attachments[0]!.id, { type: 'area', pageIndex: 1, quads: [], rect, text: 'my words', prefix: '', suffix: '', textOffset: -1 }));
    expect(given.text).toBe('my words');
  });
});
