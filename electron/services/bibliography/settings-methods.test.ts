import { describe, expect, it } from 'vitest';
import { FolioError } from '../../../shared/api/api-error.ts';
import { createFolioService } from '../folio-service.ts';
import { createMemoryLibraryStore } from '../library-store/memory-library-store.ts';

const service = () => createFolioService(createMemoryLibraryStore(), { host: 'web' });
const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as FolioError);

describe('settings', () => {
  it('saves a valid key pattern and cite command; new items and \\cite use them', async () => {
    const s = service();
    expect(await s.api.settings.get()).toMatchObject({ keyPattern: 'auth.lower+year+shorttitle', citeCommand: 'cite' });
    const next = await s.api.settings.update({ keyPattern: ' auth+"_"+year ', citeCommand: '\\citep' });
    expect(next).toMatchObject({ keyPattern: 'auth+"_"+year', citeCommand: 'citep' });
    expect(s.store.settings().citeCommand).toBe('citep');
    const item = await s.api.library.createItem({ csl: { type: 'book', title: 'Nine Stories', author: [{ family: 'Salinger', given: 'J. D.' }], issued: { 'date-parts': [[1953]] } } });
    expect(item.citationKey).toBe('Salinger_1953');
    expect(await s.api.io.citeCommand([item.id], null)).toBe('\\citep{Salinger_1953}');
  });

  it('refuses a broken key pattern or a non-command with a message that says what is wrong, and keeps the old values', async () => {
    const s = service();
    const badPattern = await failure(s.api.settings.update({ keyPattern: 'auth+yaer' }));
    expect(badPattern?.code).toBe('INVALID_ARGUMENT');
    expect(badPattern?.message).toMatch(/Citation key pattern: unknown term "yaer"/);
    const badCommand = await failure(s.api.settings.update({ citeCommand: 'cite{x}' }));
    expect(badCommand?.message).toMatch(/"cite\{x\}" is not a LaTeX command name/);
    expect(await s.api.settings.get()).toMatchObject({ keyPattern: 'auth.lower+year+shorttitle', citeCommand: 'cite' });
  });
});
