import { describe, expect, it } from 'vitest';
import { createFolioService } from './folio-service.ts';
import { createMemoryLibraryStore } from './library-store/memory-library-store.ts';
import type { ItemId } from '../../shared/model/ids.ts';

const BIB = `@article{vaswani2017attention,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam},
  journal = {NeurIPS},
  year = {2017}
}
@inproceedings{he2016deep,
  title = {Deep Residual Learning for Image Recognition},
  author = {He, Kaiming and Zhang, Xiangyu},
  booktitle = {CVPR},
  year = 2016
}
@article{broken,
  title = {No closing brace
`;

function service() {
  return createFolioService(createMemoryLibraryStore(), { host: 'web', clock: () => new Date('2026-01-02T03:04:05Z') });
}

describe('folio service', () => {
  it('imports BibTeX entry by entry, keeps keys and reports the broken entry with file:line', async () => {
    const s = service();
    const report = await s.api.io.importText({ text: BIB, fileName: 'refs.bib' });
    expect(report.imported).toBe(2);
    expect(report.skipped).toHaveLength(1);
    expect(report.skipped[0]).toMatchObject({ file: 'refs.bib', line: 13 });
    const rows = await s.api.library.listRows();
    expect(rows.map((r) => r.key).sort()).toEqual(['he2016deep', 'vaswani2017attention']);
  });

  it('never renames an existing key: a clashing import gets a suffix and a warning', async () => {
    const s = service();
    await s.api.io.importText({ text: BIB, fileName: 'a.bib' });
    const again = await s.api.io.importText({ text: BIB, fileName: 'b.bib' });
    expect(again.warnings.map((w) => w.reason).join('\n')).toContain('vaswani2017attention');
    const keys = (await s.api.library.listRows()).map((r) => r.key).sort();
    expect(keys).toEqual(['he2016deep', 'he2016deepa', 'vaswani2017attention', 'vaswani2017attentiona']);
  });

  it('creates items by hand with a generated key and structured authors', async () => {
    const s = service();
    const item = await s.api.library.createItem({
      csl: { type: 'article-journal', title: 'Language Models are Few-Shot Learners', author: [{ family: 'Brown', given: 'Tom' }], issued: { 'date-parts': [[2020]] } },
    });
    expect(item.citationKey).toBe('brown2020language');
    const second = await s.api.library.createItem({ csl: { type: 'article-journal', title: 'Language Models are Few-Shot Learners', author: [{ family: 'Brown' }], issued: { 'date-parts': [[2020]] } } });
    expect(second.citationKey).toBe('brown2020languagea');
    expect((await s.api.library.getItem(item.id)).citationKey).toBe('brown2020language');
  });

  it('rejects a malformed edit with the field named', async () => {
    const s = service();
    const item = await s.api.library.createItem({ csl: { type: 'book', title: 'X' } });
    await expect(s.api.library.updateItem(item.id, { csl: { author: 'Smith, J.' } })).rejects.toThrow(/Field "author"/);
    await expect(s.api.library.updateItem(item.id, { csl: { issued: { 'date-parts': [[2020, 13]] } } })).rejects.toThrow(/month 13/);
  });

  it('tracks which imported fields were edited', async () => {
    const s = service();
    const { itemIds } = await s.api.io.importText({ text: BIB, fileName: 'a.bib' });
    const id = itemIds[0] as ItemId;
    const edited = await s.api.library.updateItem(id, { csl: { title: 'Attention Is All You Need (2nd ed.)' } });
    expect(edited.editedFields).toEqual(['title']);
    expect(edited.source?.key).toBe('vaswani2017attention');
  });

  it('soft-deletes, restores and purges', async () => {
    const s = service();
    const { itemIds } = await s.api.io.importText({ text: BIB, fileName: 'a.bib' });
    await s.api.library.trash([itemIds[0] as ItemId]);
    expect((await s.api.library.listRows()).filter((r) => r.trashed)).toHaveLength(1);
    await s.api.library.restore([itemIds[0] as ItemId]);
    expect((await s.api.library.listRows()).filter((r) => r.trashed)).toHaveLength(0);
    await s.api.library.trash(itemIds);
    expect(await s.api.library.emptyTrash()).toBe(2);
    expect(await s.api.library.listRows()).toEqual([]);
  });

  it('nests collections, refuses cycles and removes a subtree without touching items', async () => {
    const s = service();
    const { itemIds } = await s.api.io.importText({ text: BIB, fileName: 'a.bib' });
    const ml = await s.api.collections.create('ML', null);
    const nlp = await s.api.collections.create('NLP', ml.id);
    await expect(s.api.collections.move(ml.id, nlp.id)).rejects.toThrow(/into itself/);
    await s.api.collections.addItems(nlp.id, itemIds);
    const bib = await s.api.io.export({ scope: { kind: 'collection', collectionId: ml.id, includeChildren: true }, format: 'bibtex' });
    expect(bib.count).toBe(2);
    await s.api.collections.remove(ml.id);
    expect(await s.api.collections.list()).toEqual([]);
    const rows = await s.api.library.listRows();
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.collections.length === 0)).toBe(true);
  });

  it('saves notes and builds \\cite commands', async () => {
    const s = service();
    const { itemIds } = await s.api.io.importText({ text: BIB, fileName: 'a.bib' });
    await s.api.notes.save(itemIds[0] as ItemId, 'Energy $E=mc^2$');
    expect(await s.api.notes.get(itemIds[0] as ItemId)).toBe('Energy $E=mc^2$');
    expect(await s.api.io.citeCommand(itemIds, null)).toBe('\\cite{vaswani2017attention,he2016deep}');
    expect(await s.api.io.citeCommand(itemIds, 'citep')).toBe('\\citep{vaswani2017attention,he2016deep}');
    await expect(s.api.io.citeCommand(itemIds, 'x}{')).rejects.toThrow(/not a LaTeX command/);
  });

  it('regenerates keys only on request, with a preview, never for pinned items', async () => {
    const s = service();
    const { itemIds } = await s.api.io.importText({
      text: '@article{Custom:Key/1, title={Deep Residual Learning}, author={He, Kaiming}, year=2016}\n@article{other, title={Deep Residual Learning}, author={He, Kaiming}, year=2016}',
      fileName: 'k.bib',
    });
    const [a, b] = itemIds as [ItemId, ItemId];
    await s.api.keys.pin([b], true);
    const preview = await s.api.keys.previewRegenerate(itemIds);
    expect(preview).toEqual([{ id: a, from: 'Custom:Key/1', to: 'he2016deep' }]);
    expect((await s.api.library.getItem(a)).citationKey).toBe('Custom:Key/1');
    await s.api.keys.regenerate(itemIds);
    expect((await s.api.library.getItem(a)).citationKey).toBe('he2016deep');
    expect((await s.api.library.getItem(b)).citationKey).toBe('other');
  });

  it('exports by keys and names the keys it lacks', async () => {
    const s = service();
    await s.api.io.importText({ text: BIB, fileName: 'a.bib' });
    const result = await s.api.io.export({ scope: { kind: 'keys', keys: ['he2016deep', 'nope2020'] }, format: 'bibtex' });
    expect(result.count).toBe(1);
    expect(result.text).toContain('@inproceedings{he2016deep,');
    expect(result.warnings).toEqual(['The library has no item with the key "nope2020"']);
  });

  it('undoes an import batch into the trash', async () => {
    const s = service();
    const report = await s.api.io.importText({ text: BIB, fileName: 'a.bib' });
    expect(await s.api.io.undoImport(report.batchId)).toBe(2);
    expect((await s.api.library.listRows()).every((r) => r.trashed)).toBe(true);
  });

  it('a dry run changes nothing', async () => {
    const s = service();
    const report = await s.api.io.importText({ text: BIB, fileName: 'a.bib', dryRun: true });
    expect(report.imported).toBe(2);
    expect(await s.api.library.listRows()).toEqual([]);
    const real = await s.api.io.importText({ text: BIB, fileName: 'a.bib' });
    expect(real.warnings).toEqual([]);
  });
});
