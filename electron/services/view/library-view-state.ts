import type { LibraryChangedEvent } from '../../../shared/api/event-types.ts';
import type { ItemId } from '../../../shared/model/ids.ts';
import type { ItemRow } from '../../../shared/model/item.ts';
import { ViewEngine } from '../../../shared/search/view-engine.ts';
import type { LibraryOp } from '../library-store/library-store.ts';

/** Above this many changed rows an event only names the change; windows then ask for what they paint. */
export const EVENT_ROWS_LIMIT = 500;
// One slice of warming the search text: short enough that a call arriving meanwhile waits at most this long.
const WARM_SLICE_MS = 8;

export type ChangeDetails = Pick<LibraryChangedEvent, 'rows' | 'removedIds' | 'revision' | 'counts'>;

/**
 * The service's view of the library (a ViewEngine), built on the first view call so a one-shot
 * CLI never pays for it, then kept up to date from every commit's ops.
 */
export class LibraryViewState {
  private built: ViewEngine | null = null;
  private warming: ReturnType<typeof setImmediate> | null = null;

  private readonly allRows: () => Iterable<ItemRow>;
  private readonly rowOf: (id: ItemId) => ItemRow | undefined;

  constructor(allRows: () => Iterable<ItemRow>, rowOf: (id: ItemId) => ItemRow | undefined) {
    this.allRows = allRows;
    this.rowOf = rowOf;
  }

  engine(): ViewEngine {
    if (!this.built) {
      this.built = new ViewEngine(this.allRows());
      this.warmInSlices(this.built);
    }
    return this.built;
  }

  /** Applies a commit to the view (when built) and says what changed, for the change event. */
  afterCommit(ops: readonly LibraryOp[], items: ItemId[] | 'all'): ChangeDetails {
    const touched = new Set<ItemId>();
    for (const op of ops) {
      if (op.op === 'putItems') for (const item of op.items) touched.add(item.id);
      else if (op.op === 'deleteItems') for (const id of op.ids) touched.add(id);
    }
    const small = items !== 'all' && touched.size <= EVENT_ROWS_LIMIT;
    if (!this.built && !small) return {};
    const rows: ItemRow[] = [];
    const removedIds: ItemId[] = [];
    for (const id of touched) {
      const row = this.rowOf(id);
      if (row) rows.push(row);
      else removedIds.push(id);
    }
    const details: ChangeDetails = small ? { rows, removedIds } : {};
    if (this.built) {
      this.built.apply(rows, removedIds);
      details.revision = this.built.revision;
      details.counts = this.built.counts();
    }
    return details;
  }

  dispose(): void {
    if (this.warming) clearImmediate(this.warming);
    this.warming = null;
  }

  private warmInSlices(engine: ViewEngine): void {
    const step = (): void => {
      const until = performance.now() + WARM_SLICE_MS;
      this.warming = engine.warm(() => performance.now() > until) ? null : setImmediate(step);
    };
    this.warming = setImmediate(step);
  }
}
