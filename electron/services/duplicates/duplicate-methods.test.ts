import { describe, expect, it } from 'vitest';
import { NOTE_SEPARATOR } from '../../../shared/dedupe/index.ts';
import { createFolioService } from '../folio-service.ts';
import { createMemoryLibraryStore } from '../library-store/index.ts';

const BIB = `@inproceedings{rafailov2023direct,
  title = {Direct Preference Optimization: Your Language Model is Secretly a Reward Model},
  author = {Rafailov, Rafael and Sharma, Archit},
  booktitle = {NeurIPS},
  year = {2023}
}
@misc{dpo_arxiv,
  title = {Direct Preference Optimization},
  author = {Rafailov, Rafael},
  eprint = {2305.18290},
  archiveprefix = {arXiv},
  doi = {10.48550/arXiv.2305.18290},
  year = {2023}
}
@article{he2016deep,
  title = {Deep Residual Learning for Image Recognition},
  author = {He, Kaiming},
  journal = {CVPR},
  year = {2016},
  doi = {10.1109/CVPR.2016.90}
}
@article{he2016deepcopy,
  title = {Deep Residual Learning for Image Recognition},
  author = {He, Kaiming},
  journal = {CVPR},
  year = {2016},
  doi = {10.1109/cvpr.2016.90}
}`;

async function library() {
  const s = createFolioService(createMemoryLibraryStore(), { host: 'web' });
  await s.api.io.importText({ text: BIB, fileName: 'refs.bib' });
  const byKey = new Map((await s.api.library.listRows()).map((r) => [r.key, r.id]));
  const id = (key: string) => byKey.get(key)!;
  return { s, id };
}

describe('duplicates', () => {
  it('finds pairs with both rows, reason and confidence', async () => {
    const { s, id } = await library();
    const pairs = await s.api.duplicates.find();
    expect(pairs.map((p) => [p.a.key, p.b.key, p.reason])).toEqual([['he2016deep', 'he2016deepcopy', 'doi']]);
    expect(pairs[0]?.confidence).toBeGreaterThan(0.9);
    // The arXiv copy is only found once its DOI is known on the conference version.
    await s.api.library.updateItem(id('rafailov2023direct'), { csl: { DOI: '10.48550/arXiv.2305.18290' } });
    expect((await s.api.duplicates.find()).map((p) => p.reason).sort()).toEqual(['arxiv', 'doi']);
  });

  it('merges chosen fields, unites notes, tags and collections, trashes the other and keeps the key', async () => {
    const { s, id } = await library();
    const keep = id('rafailov2023direct');
    const other = id('dpo_arxiv');
    const c = await s.api.collections.create('Alignment', null);
    await s.api.collections.addItems(c.id, [other]);
    await s.api.library.addTags([keep], ['rlhf']);
    await s.api.library.addTags([other], ['preference']);
    await s.api.notes.save(keep, 'Read section 4.');
    await s.api.notes.save(other, 'Compare with IPO.');
    const merged = await s.api.duplicates.merge({ keepId: keep, otherId: other, fields: { title: 'other' } });
    expect(merged.citationKey).toBe('rafailov2023direct');
    expect(merged.csl.title).toBe('Direct Preference Optimization');
    expect(merged.csl['container-title']).toBe('NeurIPS');
    expect(merged.csl.DOI?.toLowerCase()).toBe('10.48550/arxiv.2305.18290');
    expect(merged.tags).toEqual(['rlhf', 'preference']);
    expect(merged.collections).toEqual([c.id]);
    expect(await s.api.notes.get(keep)).toBe(`Read section 4.${NOTE_SEPARATOR}Compare with IPO.`);
    expect((await s.api.library.getItem(other)).trashedAt).not.toBeNull();
    // The BibTeX export writes the title chosen from the other item.
    const bib = (await s.api.io.export({ scope: { kind: 'items', ids: [keep] }, format: 'bibtex' })).text;
    expect(bib).toContain('@inproceedings{rafailov2023direct,');
    expect(bib).toMatch(/title = \{Direct Preference Optimization\}/);
  });

  it('remembers "not a duplicate" in the library settings', async () => {
    const { s, id } = await library();
    await s.api.duplicates.markNotDuplicate(id('he2016deepcopy'), id('he2016deep'));
    expect(await s.api.duplicates.find()).toEqual([]);
    expect(s.store.settings().notDuplicates).toHaveLength(1);
    await s.api.duplicates.markNotDuplicate(id('he2016deep'), id('he2016deepcopy'));
    expect(s.store.settings().notDuplicates).toHaveLength(1);
  });

  it('merges many pairs at once and skips pairs whose item was already merged away', async () => {
    const { s, id } = await library();
    const merged = await s.api.duplicates.mergeMany([
      { keepId: id('he2016deep'), otherId: id('he2016deepcopy') },
      { keepId: id('he2016deepcopy'), otherId: id('he2016deep') },
    ]);
    expect(merged.map((i) => i.citationKey)).toEqual(['he2016deep']);
    const rows = await s.api.library.listRows();
    expect(rows.filter((r) => !r.trashed).map((r) => r.key).sort()).toEqual(['dpo_arxiv', 'he2016deep', 'rafailov2023direct']);
  });

  it('warns on import about likely duplicates of items already in the library, without blocking', async () => {
    const { s } = await library();
    const report = await s.api.io.importText({ text: '@article{again, title={Deep Residual Learning for Image Recognition}, author={He, Kaiming}, year={2016}, doi={10.1109/CVPR.2016.90}}', fileName: 'more.bib' });
    expect(report.imported).toBe(1);
    expect(report.warnings.map((w) => w.reason)).toEqual(['likely a duplicate of "he2016deep" already in the library (same DOI); see Duplicates to merge']);
  });
});
