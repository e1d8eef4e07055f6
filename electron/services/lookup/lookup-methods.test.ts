import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLibraryStore } from '../library-store/index.ts';
import { createFolioService } from '../folio-service.ts';
import type { LibraryStore } from '../library-store/index.ts';
import { hang, json, startMockMetadataServer, text } from '../../../tests/helpers/mock-metadata-server.ts';

const ATOM = readFileSync(new URL('../../../tests/fixtures/lookup/arxiv-2305.18290.xml', import.meta.url), 'utf8');
const ARXIV_ERROR = readFileSync(new URL('../../../tests/fixtures/lookup/arxiv-error.xml', import.meta.url), 'utf8');
const RESNET_CSL = {
  type: 'paper-conference',
  title: 'Deep Residual Learning for Image Recognition',
  author: [{ family: 'He', given: 'Kaiming', sequence: 'first', affiliation: [] }, { family: 'Zhang', given: 'Xiangyu' }],
  issued: { 'date-parts': [[2016, 6]] },
  'container-title': '2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)',
  DOI: '10.1109/CVPR.2016.90',
  reference: [{ key: 'ref1' }],
  'is-referenced-by-count': 200000,
  indexed: { 'date-parts': [[2025, 1, 1]] },
};

let server: Awaited<ReturnType<typeof startMockMetadataServer>>;
let online: { doiBase: string; arxivBase: string; isbnBase: string; timeoutMs: number };
/** Nothing listens on port 1 of loopback: a connection refused, as when the network is down. */
const OFFLINE = { doiBase: 'http://127.0.0.1:1', arxivBase: 'http://127.0.0.1:1', isbnBase: 'http://127.0.0.1:1', timeoutMs: 2_000 };

beforeAll(async () => {
  server = await startMockMetadataServer({
    '/10.1109/cvpr.2016.90': json(RESNET_CSL, 'application/vnd.citationstyles.csl+json'),
    '/api/query?id_list=2305.18290&max_results=1': text(ATOM, 'application/atom+xml'),
    '/api/query?id_list=2401.99999&max_results=1': text(ARXIV_ERROR, 'application/atom+xml'),
    '/10.1000/slow': hang,
    '/isbn/9780262035613.json': json({ title: 'Deep Learning', publishers: ['MIT Press'], publish_date: 'Nov 18, 2016', by_statement: 'Ian Goodfellow, Yoshua Bengio and Aaron Courville.' }),
  });
  online = { doiBase: server.base, arxivBase: server.base, isbnBase: server.base, timeoutMs: 2_000 };
});
afterAll(() => server.close());

const serviceOn = (store: LibraryStore, lookup: typeof online) => createFolioService(store, { host: 'web', lookup });

describe('lookup.addByIdentifiers', () => {
  it('fetches DOI, arXiv (also from a Hugging Face URL) and ISBN metadata from free text', async () => {
    const s = serviceOn(createMemoryLibraryStore(), online);
    const result = await s.api.lookup.addByIdentifiers('ResNet doi:10.1109/CVPR.2016.90, DPO https://huggingface.co/papers/2305.18290 and ISBN 978-0-262-03561-3');
    expect(result.failures).toEqual([]);
    expect(result.pending).toBe(0);
    expect(result.created.map((r) => r.key)).toEqual(['he2016deep', 'rafailov2023direct', 'goodfellow2016deep']);
    const resnet = await s.api.library.getItem(result.created[0]!.id);
    expect(resnet.csl).toMatchObject({ type: 'paper-conference', DOI: '10.1109/cvpr.2016.90', author: [{ family: 'He', given: 'Kaiming' }, { family: 'Zhang', given: 'Xiangyu' }] });
    expect(resnet.csl.reference).toBeUndefined();
    expect(resnet.csl['is-referenced-by-count']).toBeUndefined();
    const book = await s.api.library.getItem(result.created[2]!.id);
    expect(book.csl).toMatchObject({ type: 'book', publisher: 'MIT Press', issued: { 'date-parts': [[2016]] }, ISBN: '9780262035613' });
    expect(server.requests).toContain('/api/query?id_list=2305.18290&max_results=1');
  });

  it('reports an identifier already in the library instead of adding it again', async () => {
    const s = serviceOn(createMemoryLibraryStore(), online);
    const first = await s.api.lookup.addByIdentifiers('arXiv:2305.18290v2');
    const again = await s.api.lookup.addByIdentifiers('https://arxiv.org/abs/2305.18290 and 10.48550/arXiv.2305.18290');
    expect(again.created).toEqual([]);
    expect(again.existing).toEqual([{ identifier: 'https://arxiv.org/abs/2305.18290', itemId: first.created[0]!.id, key: 'rafailov2023direct' }]);
    expect(s.store.itemCount()).toBe(1);
  });

  it('gives clear reasons and creates nothing for unknown identifiers', async () => {
    const s = serviceOn(createMemoryLibraryStore(), online);
    const result = await s.api.lookup.addByIdentifiers('10.1234/does-not-exist 2401.99999 hello');
    expect(result.created).toEqual([]);
    expect(result.failures).toEqual([
      { identifier: '10.1234/does-not-exist', reason: 'DOI not found' },
      { identifier: '2401.99999', reason: 'arXiv id not found' },
    ]);
    expect((await s.api.lookup.addByIdentifiers('no identifiers here')).failures[0]?.reason).toMatch(/no DOI, arXiv id/);
  });

  it('creates a pending item from what the identifier says when offline, and on a timeout', async () => {
    const s = serviceOn(createMemoryLibraryStore(), OFFLINE);
    const result = await s.api.lookup.addByIdentifiers('arXiv:2305.18290');
    expect(result.pending).toBe(1);
    expect(result.failures).toEqual([{ identifier: 'arXiv:2305.18290', reason: 'offline: will retry' }]);
    const row = result.created[0]!;
    expect(row).toMatchObject({ key: 'arXiv:2305.18290', year: 2023, metadataPending: true });
    expect((await s.api.library.getItem(row.id)).csl).toMatchObject({ title: 'arXiv:2305.18290', DOI: '10.48550/arXiv.2305.18290', URL: 'https://arxiv.org/abs/2305.18290' });

    const slow = serviceOn(createMemoryLibraryStore(), { ...online, timeoutMs: 300 });
    const timedOut = await slow.api.lookup.addByIdentifiers('doi:10.1000/slow');
    expect(timedOut.pending).toBe(1);
    expect(timedOut.failures[0]?.reason).toMatch(/^offline: no answer within/);
  });
});

describe('lookup.retryPending', () => {
  it('completes pending items once online, keeping the key and the fields the user edited', async () => {
    const store = createMemoryLibraryStore();
    const offline = serviceOn(store, OFFLINE);
    const { created } = await offline.api.lookup.addByIdentifiers('arXiv:2305.18290 and doi:10.1109/CVPR.2016.90');
    const dpo = created[0]!;
    await offline.api.library.updateItem(dpo.id, { csl: { title: 'DPO (my title)' } });
    expect(await offline.api.lookup.retryPending()).toMatchObject({ completed: 0, stillPending: 2 });

    const back = serviceOn(store, online);
    const result = await back.api.lookup.retryPending();
    expect(result).toEqual({ completed: 2, stillPending: 0, failures: [] });
    const item = await back.api.library.getItem(dpo.id);
    expect(item.citationKey).toBe('arXiv:2305.18290');
    expect(item.csl.title).toBe('DPO (my title)');
    expect(item.csl.author?.[0]).toEqual({ family: 'Rafailov', given: 'Rafael' });
    expect(item.metadataPending).toBeUndefined();
    expect((await back.api.library.getItem(created[1]!.id)).csl.title).toBe('Deep Residual Learning for Image Recognition');
    expect(await back.api.lookup.retryPending()).toEqual({ completed: 0, stillPending: 0, failures: [] });
  });
});
