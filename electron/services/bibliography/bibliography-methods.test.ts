import { afterAll, describe, expect, it } from 'vitest';
import type { StatusEvent } from '../../../shared/api/event-types.ts';
import { FolioError } from '../../../shared/api/api-error.ts';
import { createFolioService } from '../folio-service.ts';
import { createMemoryLibraryStore } from '../library-store/memory-library-store.ts';

// Three items: a journal article with a DOI, a conference paper with eight authors, a book.
const BIB = `@article{vaswani2017attention,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki},
  journal = {Nature},
  volume = {5}, number = {2}, pages = {10--20}, year = {2017},
  doi = {10.1000/attention}
}
@inproceedings{he2016deep,
  title = {Deep Residual Learning},
  author = {He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian and Doe, Jane and Roe, Richard and Poe, Paul and Moe, Mary},
  booktitle = {Proceedings of CVPR}, address = {Las Vegas}, pages = {770--778}, year = {2016}
}
@book{knuth1997art,
  title = {The Art of Computer Programming},
  author = {Knuth, Donald E.},
  publisher = {Addison-Wesley}, address = {Reading, MA}, edition = {3}, year = {1997}
}
`;

const s = createFolioService(createMemoryLibraryStore(), { host: 'web' });
const imported = await s.api.io.importText({ text: BIB, fileName: 'three.bib' });
const scope = { kind: 'items' as const, ids: imported.itemIds };
const format = (style: string, output: 'text' | 'html' = 'text') => s.api.bibliography.format({ scope, style, output });
const lines = async (style: string) => (await format(style)).text.trim().split('\n');

afterAll(() => s.dispose());

describe('bibliography.format: the same three items in all six styles', () => {
  it('lists the six shipped styles', async () => {
    expect((await s.api.bibliography.listStyles()).map((st) => st.id)).toEqual(['apa', 'ieee', 'chicago-author-date', 'harvard', 'vancouver', 'nature']);
  });

  it('IEEE: numbered [n] in citation order, initials first, vol./no./pp., et al. past six authors', async () => {
    expect(await lines('ieee')).toEqual([
      '[1] A. Vaswani, N. Shazeer, and N. Parmar, “Attention Is All You Need,” Nature, vol. 5, no. 2, pp. 10–20, 2017, doi: 10.1000/attention.',
      '[2] K. He et al., “Deep Residual Learning,” in Proceedings of CVPR, Las Vegas, 2016, pp. 770–778.',
      '[3] D. E. Knuth, The Art of Computer Programming, 3rd ed. Reading, MA: Addison-Wesley, 1997.',
    ]);
  });

  it('Chicago author-date: first author inverted, "and", year after authors, title case, DOI as a link', async () => {
    expect(await lines('chicago-author-date')).toEqual([
      'He, Kaiming, Xiangyu Zhang, Shaoqing Ren, Jian Sun, Jane Doe, Richard Roe, Paul Poe, and Mary Moe. 2016. “Deep Residual Learning.” In Proceedings of CVPR, 770–78. Las Vegas.',
      'Knuth, Donald E. 1997. The Art of Computer Programming. 3rd ed. Reading, MA: Addison-Wesley.',
      'Vaswani, Ashish, Noam Shazeer, and Niki Parmar. 2017. “Attention Is All You Need.” Nature 5 (2): 10–20. https://doi.org/10.1000/attention.',
    ]);
  });

  it('Nature: numbered list, "&" before the last author, et al. past five, "Journal Vol, pages (Year)."', async () => {
    const out = await lines('nature');
    expect(out[0]).toBe('1. Vaswani, A., Shazeer, N. & Parmar, N. Attention Is All You Need. Nature 5, 10–20 (2017).');
    expect(out[1]).toMatch(/^2\. He, K\. et al\. Deep Residual Learning\. In Proceedings of CVPR 770–778 \(2016\)\.$/);
    expect(out[2]).toBe('3. Knuth, D. E. The Art of Computer Programming (Addison-Wesley, 1997).');
  });

  it('APA: sorted by author, "&", every author up to twenty, DOI link', async () => {
    const out = await lines('apa');
    expect(out[0]).toBe('He, K., Zhang, X., Ren, S., Sun, J., Doe, J., Roe, R., Poe, P., & Moe, M. (2016). Deep Residual Learning. Proceedings of CVPR, 770–778.');
    expect(out[2]).toBe('Vaswani, A., Shazeer, N., & Parmar, N. (2017). Attention Is All You Need. Nature, 5(2), 10–20. https://doi.org/10.1000/attention');
  });

  it('Harvard: author (year), "et al." from four authors', async () => {
    const out = await lines('harvard');
    expect(out[0]).toMatch(/^He, K\. et al\. \(2016\) “Deep Residual Learning,”/);
    expect(out[2]).toMatch(/^Vaswani, A\., Shazeer, N\. and Parmar, N\. \(2017\)/);
  });

  it('Vancouver: numbered, no "and", et al. after six authors, doi:', async () => {
    const out = await lines('vancouver');
    expect(out[0]).toBe('1. Vaswani A, Shazeer N, Parmar N. Attention Is All You Need. Nature. 2017;5(2):10–20. doi:10.1000/attention');
    expect(out[1]).toMatch(/^2\. He K, Zhang X, Ren S, Sun J, Doe J, Roe R, et al\./);
  });

  it('HTML output marks up italics and links the DOI; count is the number of entries', async () => {
    const html = await format('chicago-author-date', 'html');
    expect(html.count).toBe(3);
    expect(html.text).toContain('<div class="csl-bib-body">');
    expect(html.text).toContain('<i>Nature</i> 5 (2)');
    expect(html.text).toContain('<a href="https://doi.org/10.1000/attention">https://doi.org/10.1000/attention</a>');
  });

  it('reports progress through onStatus and refuses an unknown style with a clear error', async () => {
    const events: StatusEvent[] = [];
    const stop = s.hub.asEvents().onStatus((e) => events.push(e));
    await format('ieee');
    stop();
    const progress = events.filter((e) => e.kind === 'bibliography-progress');
    expect(progress.at(0)?.progress).toBe(0);
    expect(progress.at(-1)?.progress).toBe(1);
    const error = await format('mla').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FolioError);
    expect((error as FolioError).message).toMatch(/Unknown citation style "mla"/);
  });
});
