import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../shared/api/sync-types.ts';
import { syncSummary } from './sync-summary.ts';

const device = (id: string, self = false) => ({ deviceId: id, name: id, self, operations: 1, lastChangeAt: null });
const base: SyncStatus = {
  folder: '/sync', deviceId: 'a', deviceName: 'Laptop', state: 'idle', lastExchangeAt: '2026-03-10T12:00:00.000Z',
  devices: [device('a', true), device('b'), device('c')], lastError: null, problems: [], pendingSend: 0, openConflicts: 0, keyRenames: [],
};

describe('the status bar\'s sync summary', () => {
  it('says nothing when sync is off', () => {
    expect(syncSummary(null)).toBeNull();
    expect(syncSummary({ ...base, state: 'off', folder: null })).toBeNull();
  });
  it('reads "Synced <time> · 3 devices" when all is well', () => {
    expect(syncSummary(base)).toEqual({ tone: 'ok', text: 'Synced', timed: true, details: ['3 devices'] });
  });
  it('names conflicts and rejected records, as a warning', () => {
    const problem = { deviceId: 'b', file: 'devices/b/ops-1.jsonl', line: 4, message: 'bad schema' };
    expect(syncSummary({ ...base, openConflicts: 1, problems: [problem] })).toEqual({
      tone: 'warning', text: 'Synced', timed: true, details: ['3 devices', '1 conflict', '1 record rejected'],
    });
  });
  it('shows the error instead of the time, and Syncing… while an exchange runs', () => {
    expect(syncSummary({ ...base, state: 'error', lastError: 'EACCES: /sync/devices/a' })).toMatchObject({ tone: 'error', text: 'Sync failed: EACCES: /sync/devices/a', timed: false });
    expect(syncSummary({ ...base, state: 'syncing', lastExchangeAt: null })).toMatchObject({ tone: 'busy', text: 'Syncing…' });
    expect(syncSummary({ ...base, state: 'syncing' })).toMatchObject({ tone: 'busy', text: 'Synced', timed: true });
    expect(syncSummary({ ...base, state: 'syncing', openConflicts: 2 })).toMatchObject({ tone: 'warning', details: ['3 devices', '2 conflicts'] });
    expect(syncSummary({ ...base, lastExchangeAt: null, devices: [device('a', true)] })).toMatchObject({ text: 'Sync waiting for the first exchange', details: ['1 device'] });
  });
});
