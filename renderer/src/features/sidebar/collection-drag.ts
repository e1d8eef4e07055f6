import type { CollectionId } from '../../../../shared/model/ids.ts';

/**
 * The collection being dragged. Drag data can only be read on drop, but a
 * target must decide on dragover whether a move is legal (not into itself or
 * a descendant), so the source records its id here for the drag's duration.
 */
let dragging: CollectionId | null = null;

export const collectionDrag = {
  start(id: CollectionId): void {
    dragging = id;
  },
  end(): void {
    dragging = null;
  },
  current(): CollectionId | null {
    return dragging;
  },
};
