import type { AnnotationDraft } from '../../shared/api/annotations-types.ts';
import type { Annotation } from '../../shared/model/annotation.ts';
import type { Item } from '../../shared/model/item.ts';
import { openFolioService } from '../../electron/services/folio-service.ts';

/**
 * Annotates the item with `key` in a library folder through the service, as the reader would, then closes the
 * library again (so a CLI run can take its lock). `drafts` gets the item, to name its attachment.
 */
export async function annotateInLibrary(dir: string, key: string, drafts: (item: Item) => AnnotationDraft[]): Promise<Annotation[]> {
  const service = await openFolioService(dir, 'cli', { host: 'web', search: { inThread: true } });
  try {
    await service.ready;
    const item = [...service.store.items()].find((i) => i.citationKey === key);
    if (!item) throw new Error(`no item ${key} in ${dir}`);
    const made: Annotation[] = [];
    for (const draft of drafts(item)) made.push(await service.api.annotations.create(item.id, draft));
    return made;
  } finally {
    await service.dispose();
  }
}
