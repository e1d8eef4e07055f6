import { describe, expect, it } from 'vitest';
import { findIdentifiers } from './find-identifiers.ts';
import type { IdentifierKind } from './identifier-types.ts';

type Expected = [kind: IdentifierKind, value: string, version?: number];

/** Real-world ways identifiers are written, with what must be found. */
const MATCHES: Array<[text: string, expected: Expected[]]> = [
  ['10.1145/3442188.3445922', [['doi', '10.1145/3442188.3445922']]],
  ['doi:10.1038/nature14539', [['doi', '10.1038/nature14539']]],
  ['DOI: 10.1038/NATURE14539', [['doi', '10.1038/nature14539']]],
  ['doi 10.1162/neco.1997.9.8.1735', [['doi', '10.1162/neco.1997.9.8.1735']]],
  ['https://doi.org/10.1109/CVPR.2016.90', [['doi', '10.1109/cvpr.2016.90']]],
  ['http://dx.doi.org/10.1109/5.726791', [['doi', '10.1109/5.726791']]],
  ['Published as https://doi.org/10.18653/v1/N19-1423.', [['doi', '10.18653/v1/n19-1423']]],
  ['(see doi:10.1145/3442188.3445922),', [['doi', '10.1145/3442188.3445922']]],
  ['The Lancet, doi:10.1016/S0140-6736(20)30183-5.', [['doi', '10.1016/s0140-6736(20)30183-5']]],
  ['https://dl.acm.org/doi/10.1145/3442188.3445922', [['doi', '10.1145/3442188.3445922']]],
  ['https://dl.acm.org/doi/pdf/10.1145/3292500.3330701?casa_token=abc', [['doi', '10.1145/3292500.3330701']]],
  ['https://link.springer.com/article/10.1007/s11263-015-0816-y', [['doi', '10.1007/s11263-015-0816-y']]],
  ['https://onlinelibrary.wiley.com/doi/abs/10.1111/j.2517-6161.1996.tb02080.x', [['doi', '10.1111/j.2517-6161.1996.tb02080.x']]],
  ['https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0130140', [['doi', '10.1371/journal.pone.0130140']]],
  ['https://doi.org/10.1002%2Fanie.201915678', [['doi', '10.1002/anie.201915678']]],
  ['https://doi.org/10.48550/arXiv.1706.03762', [['doi', '10.48550/arxiv.1706.03762'], ['arxiv', '1706.03762']]],
  ['2401.12345', [['arxiv', '2401.12345']]],
  ['2401.12345v2', [['arxiv', '2401.12345', 2]]],
  ['arXiv:1706.03762v7', [['arxiv', '1706.03762', 7]]],
  ['arXiv preprint arXiv:1810.04805, 2018.', [['arxiv', '1810.04805']]],
  ['arxiv 1412.6980', [['arxiv', '1412.6980']]],
  ['hep-th/9901001', [['arxiv', 'hep-th/9901001']]],
  ['math.GT/0309136', [['arxiv', 'math/0309136']]],
  ['arXiv:cond-mat/0501001v2', [['arxiv', 'cond-mat/0501001', 2]]],
  ['https://arxiv.org/abs/2401.12345', [['arxiv', '2401.12345']]],
  ['https://arxiv.org/abs/hep-th/9711200v3', [['arxiv', 'hep-th/9711200', 3]]],
  ['https://arxiv.org/pdf/1706.03762.pdf', [['arxiv', '1706.03762']]],
  ['https://arxiv.org/pdf/1706.03762v5.pdf', [['arxiv', '1706.03762', 5]]],
  ['arxiv.org/pdf/2401.12345v1', [['arxiv', '2401.12345', 1]]],
  ['https://export.arxiv.org/abs/2305.18290', [['arxiv', '2305.18290']]],
  ['https://huggingface.co/papers/2401.12345', [['hf-paper', '2401.12345'], ['arxiv', '2401.12345']]],
  ['Paper page: huggingface.co/papers/2305.18290#community', [['hf-paper', '2305.18290'], ['arxiv', '2305.18290']]],
  ['ISBN 978-0-262-03561-3', [['isbn', '9780262035613']]],
  ['ISBN-13: 978 0 262 03561 3', [['isbn', '9780262035613']]],
  ['ISBN-10: 0-262-03561-8', [['isbn', '9780262035613']]],
  ['ISBN 0262035618', [['isbn', '9780262035613']]],
  ['isbn:0-387-31073-8', [['isbn', '9780387310732']]],
  ['9780387310732', [['isbn', '9780387310732']]],
  ['Code: https://github.com/karpathy/nanoGPT.', [['url', 'https://github.com/karpathy/nanoGPT']]],
  ['(https://openreview.net/forum?id=YicbFdNTTy)', [['url', 'https://openreview.net/forum?id=YicbFdNTTy']]],
  ['https://aclanthology.org/2020.acl-main.463/', [['url', 'https://aclanthology.org/2020.acl-main.463/']]],
  ['https://github.com/wenyudu/MIGU{this https URL}.', [['url', 'https://github.com/wenyudu/MIGU']]],
  [
    'BERT (arXiv:1810.04805; doi:10.18653/v1/N19-1423) and https://huggingface.co/papers/2305.18290',
    [['arxiv', '1810.04805'], ['doi', '10.18653/v1/n19-1423'], ['hf-paper', '2305.18290'], ['arxiv', '2305.18290']],
  ],
];

/** Things that look a little like identifiers and are not. */
const NON_MATCHES: string[] = [
  'pi is 3.14159',
  'released 2024.01.15',
  'call +1 (555) 123-4567',
  'call 555-123-4567',
  'ratio 1234.5678',
  'month 13: 2413.12345',
  'before April 2007: 0703.1234',
  'five digits start in 2015, so 1501.1234 is not one',
  'four digits end in 2014, so 1412.12345 is not one',
  'version 1.2401.12345',
  'ISBN 978-0-262-03561-4',
  'ISBN 0-262-03561-9',
  '11.1234/abc',
  '10.12/abc',
  'hep-th/9913001',
  'foo/9901001',
  'v2.0.1 and 2.7.18',
  'arXiv:2401.1234',
];

describe('findIdentifiers', () => {
  it.each(MATCHES)('finds identifiers in %j', (text, expected) => {
    const found = findIdentifiers(text).map((f) => (f.version === undefined ? [f.kind, f.value] : [f.kind, f.value, f.version]));
    expect(found).toEqual(expected);
  });

  it.each(NON_MATCHES)('finds nothing in %j', (text) => {
    expect(findIdentifiers(text)).toEqual([]);
  });

  it('reports where each identifier was written', () => {
    const text = 'See doi:10.1038/nature14539. Also arXiv:1706.03762.';
    const found = findIdentifiers(text);
    expect(found.map((f) => [f.raw, f.index])).toEqual([
      ['doi:10.1038/nature14539', 4],
      ['arXiv:1706.03762', 34],
    ]);
    for (const f of found) expect(text.slice(f.index, f.index + f.raw.length)).toBe(f.raw);
  });

  it('scans long text', () => {
    const block = 'Some prose 3.14 about doi:10.1145/3442188.3445922 and arXiv:2401.12345v2 with https://example.org/x. ';
    const text = block.repeat(20_000);
    const found = findIdentifiers(text);
    expect(found).toHaveLength(60_000);
  });
});
