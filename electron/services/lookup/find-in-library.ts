import type { IdentifierMatch, IdentifierQuery } from '../../../shared/api/connector-types.ts';
import { arxivCsl, normalizeDoi, parseArxivId } from '../../../shared/formats/identifiers/index.ts';
import type { CslItemData } from '../../../shared/model/csl.ts';
import type { ServiceContext } from '../service-context.ts';
import { findExistingItem } from './lookup-merge.ts';

/** The item (not in the trash) with this arXiv id or DOI, by the same rules as the duplicate check. */
export function findInLibrary(ctx: ServiceContext, query: IdentifierQuery): IdentifierMatch | null {
  const probes: CslItemData[] = [];
  const arxiv = query.arxivId ? parseArxivId(query.arxivId) : null;
  if (arxiv) probes.push(arxivCsl(arxiv.id));
  const doi = query.doi ? normalizeDoi(query.doi) : null;
  if (doi) probes.push({ type: 'article-journal', DOI: doi });
  for (const probe of probes) {
    const item = findExistingItem(ctx, probe);
    if (item) {
      return {
        itemId: item.id,
        citationKey: item.citationKey,
        title: item.csl.title ?? item.citationKey,
        hasPdf: item.attachments.some((a) => a.mediaType === 'application/pdf'),
      };
    }
  }
  return null;
}
