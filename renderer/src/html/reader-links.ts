/** Where a note's link into the reader leads: `folio://open/<itemId>?attachment=…&page=<1-based>&annotation=…`. */
export interface ReaderLink {
  itemId: string;
  attachmentId: string | null;
  /** 0-based. */
  pageIndex: number | null;
  annotationId: string | null;
}

const ID = /^[A-Za-z0-9_-]{1,200}$/;

/** The reader link an href holds, or null: only this exact shape, with plain ids, is ever followed. */
export function readerLinkTarget(href: string): ReaderLink | null {
  const match = /^folio:\/\/open\/([^?#/]+)(?:\?([^#]*))?$/.exec(href);
  if (!match) return null;
  let itemId: string;
  let params: URLSearchParams;
  try {
    itemId = decodeURIComponent(match[1] ?? '');
    params = new URLSearchParams(match[2] ?? '');
  } catch {
    return null;
  }
  if (!ID.test(itemId)) return null;
  const id = (key: string): string | null | false => {
    const v = params.get(key);
    if (v === null) return null;
    return ID.test(v) ? v : false;
  };
  const attachmentId = id('attachment');
  const annotationId = id('annotation');
  if (attachmentId === false || annotationId === false) return null;
  const pageText = params.get('page');
  const page = pageText === null ? null : Number(pageText);
  if (page !== null && (!Number.isInteger(page) || page < 1 || page > 1_000_000)) return null;
  return { itemId, attachmentId, pageIndex: page === null ? null : page - 1, annotationId };
}
