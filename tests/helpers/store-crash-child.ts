// Child process for the crash-safety test: commits batches of items forever,
// printing "committed N" after each acknowledged commit, with compaction
// running in between. The test SIGKILLs it and checks what survived.
import { openLibraryStore } from '../../electron/services/library-store/index.ts';
import { makeTestItems } from './store-items.ts';

const folder = process.argv[2];
const batch = Number(process.argv[3] ?? '100');
// "whole": every commit is big enough to be written as a new library.json, with no journal record.
const whole = process.argv[4] === 'whole';
if (!folder) throw new Error('usage: store-crash-child.ts <folder> [batch] [whole]');

const store = await openLibraryStore(folder, {
  owner: 'test',
  // Frequent compactions of a growing file, so kills often land in the middle of one; backups are rare, so a
  // broken library.json could not hide behind a fresh backup.
  tuning: { compactJournalOps: 2, quietCompactMs: 30, retryDelaysMs: [20], ...(whole ? { wholeWriteItems: batch } : {}) },
});
let count = store.itemCount();
console.log(`opened ${count}`);
for (;;) {
  await store.commit([{ op: 'putItems', items: makeTestItems(count, batch, 1200) }]);
  count += batch;
  console.log(`committed ${count}`);
}
