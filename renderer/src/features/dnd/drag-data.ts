import { asCollectionId, asItemId, type CollectionId, type ItemId } from '../../../../shared/model/ids.ts';

/**
 * Custom MIME types for drags inside the window. Real HTML5 drag data (not
 * component state) so the browser, and Playwright's dragTo, drive it.
 */
export const ITEMS_MIME = 'application/x-folio-items';
export const COLLECTION_MIME = 'application/x-folio-collection';

const MAX_DRAGGED = 1_000_000;

/** The ids carried by an items drag, or null when the payload is not a list of ids. */
export function parseItemIds(json: string): ItemId[] | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_DRAGGED) return null;
  if (!value.every((v) => typeof v === 'string' && v.length > 0 && v.length <= 200)) return null;
  return (value as string[]).map(asItemId);
}

export function writeItemDrag(dt: DataTransfer, ids: readonly ItemId[], plainText: string): void {
  dt.setData(ITEMS_MIME, JSON.stringify(ids));
  dt.setData('text/plain', plainText);
  dt.effectAllowed = 'copyMove';
}

export function readItemDrag(dt: DataTransfer): ItemId[] | null {
  const json = dt.getData(ITEMS_MIME);
  return json ? parseItemIds(json) : null;
}

export function isItemDrag(dt: DataTransfer): boolean {
  return dt.types.includes(ITEMS_MIME);
}

export function writeCollectionDrag(dt: DataTransfer, id: CollectionId): void {
  dt.setData(COLLECTION_MIME, id);
  dt.effectAllowed = 'move';
}

export function readCollectionDrag(dt: DataTransfer): CollectionId | null {
  const id = dt.getData(COLLECTION_MIME);
  return id && id.length <= 200 ? asCollectionId(id) : null;
}

export function isCollectionDrag(dt: DataTransfer): boolean {
  return dt.types.includes(COLLECTION_MIME);
}

export function isFileDrag(dt: DataTransfer): boolean {
  return dt.types.includes('Files');
}
