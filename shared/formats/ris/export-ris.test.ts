/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import library from '../../../tests/fixtures/ris/ml-library.ris?raw';
import type { CslItemData } from '../../model/csl.ts';
import { exportRis, parseRis } from './index.ts';

describe('exportRis', () => {
  it('round-trips RIS -> CSL -> RIS -> CSL without loss', () => {
    const first = parseRis(library, 'ml-library.ris');
    expect(first.issues).toEqual([]);
    const csl = first.records.map((r) => r.csl);
    const written = exportRis(csl);
    const second = parseRis(written, 'exported.ris');
    expect(second.issues).toEqual([]);
    expect(second.records.map((r) => r.csl)).toEqual(csl);
    // And the text is stable from then on.
    expect(exportRis(second.records.map((r) => r.csl))).toBe(written);
  });

  it('writes tags in a fixed order with names, dates and page ranges split', () => {
    const item: CslItemData = {
      type: 'paper-conference',
      id: 'he2016deep',
      title: 'Deep Residual Learning for Image Recognition',
      author: [{ family: 'He', given: 'Kaiming' }, { family: 'Zhang', given: 'Xiangyu' }, { literal: 'Facebook AI Research' }],
      'container-title': '2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)',
      issued: { 'date-parts': [[2016, 6]] },
      page: '770-778',
      DOI: '10.1109/CVPR.2016.90',
      ISBN: '978-1-4673-8851-1',
      keyword: 'residual networks, image recognition',
    };
    expect(exportRis([item])).toBe(
      [
        'TY  - CPAPER',
        'ID  - he2016deep',
        'TI  - Deep Residual Learning for Image Recognition',
        'AU  - He, Kaiming',
        'AU  - Zhang, Xiangyu',
        'AU  - Facebook AI Research',
        'T2  - 2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)',
        'PY  - 2016',
        'DA  - 2016/06',
        'SP  - 770',
        'EP  - 778',
        'SN  - 978-1-4673-8851-1',
        'DO  - 10.1109/CVPR.2016.90',
        'KW  - residual networks',
        'KW  - image recognition',
        'ER  - ',
        '',
      ].join('\n'),
    );
  });

  it('writes a preprint as UNPB and reads it back as a preprint', () => {
    const preprint: CslItemData = { type: 'article', title: 'Mamba', publisher: 'arXiv', DOI: '10.48550/arXiv.2312.00752' };
    const text = exportRis([preprint]);
    expect(text.startsWith('TY  - UNPB\n')).toBe(true);
    expect(parseRis(text, 'p.ris').records[0]!.csl).toEqual(preprint);
  });

  it('writes unknown CSL types as GEN and ignores malformed variables', () => {
    const odd = { type: 'classic', title: 'Odd', author: 'not a list', issued: 'soon' } as unknown as CslItemData;
    expect(exportRis([odd])).toBe('TY  - GEN\nTI  - Odd\nER  - \n');
  });
});
