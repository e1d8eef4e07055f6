import type { FolioApi } from '../../../shared/api/folio-api.ts';
import { FolioError } from '../../../shared/api/api-error.ts';
import { BIBLIOGRAPHY_STYLES, cslForBibliography, findBibliographyStyle } from '../../../shared/citation/bibliography-styles.ts';
import { citedKeys } from '../../../shared/formats/aux/cited-keys.ts';
import { exportItems, fixScope, itemsForScope, type FixedScope, type SavedSearchIds } from '../export-service.ts';
import type { ServiceContext } from '../service-context.ts';
import type { BibliographyWorker } from './bibliography-worker-client.ts';
import { templateName, type CslStyleFiles } from './csl-style-files.ts';

/** Progress events at most this often, so a 50k-entry list does not flood the windows. */
const PROGRESS_EVERY_MS = 100;

export function createBibliographyMethods(
  ctx: ServiceContext, worker: BibliographyWorker, styles: CslStyleFiles, saved: SavedSearchIds | null = null,
): FolioApi['bibliography'] {
  return {
    async listStyles() {
      return BIBLIOGRAPHY_STYLES.map((s) => ({ id: s.id, title: s.title }));
    },

    async format(request) {
      const style = findBibliographyStyle(request.style);
      if (!style) {
        throw new FolioError('INVALID_ARGUMENT', `Unknown citation style "${request.style}" (known: ${BIBLIOGRAPHY_STYLES.map((s) => s.id).join(', ')})`);
      }
      const { items } = itemsForScope(ctx, await fixScope(ctx, request.scope, saved));
      const styleXml = await styles.xmlFor(style);
      let lastEmit = 0;
      const out = await worker.format(
        { template: templateName(style), styleXml, items: cslForBibliography(items), output: request.output },
        (done, total) => {
          const now = performance.now();
          if (done !== 0 && done !== total && now - lastEmit < PROGRESS_EVERY_MS) return;
          lastEmit = now;
          const count = total.toLocaleString('en-US');
          const message = done === total ? `Formatted ${count} references in ${style.title}` : `Formatting ${count} references in ${style.title}: ${done.toLocaleString('en-US')} done`;
          ctx.hub.emit('onStatus', { kind: 'bibliography-progress', message, progress: total === 0 ? 1 : done / total });
        },
      ).catch((error: unknown) => {
        throw new FolioError('INTERNAL', `Formatting the bibliography failed: ${error instanceof Error ? error.message : String(error)}`);
      });
      return out;
    },

    async exportCited(request) {
      const cited = citedKeys(request.text, request.fileName);
      const scope: FixedScope = cited.all ? { kind: 'library' } : { kind: 'keys', keys: cited.keys };
      const { missing } = itemsForScope(ctx, scope);
      const result = exportItems(ctx, { scope, format: request.format });
      return { text: result.text, count: result.count, missing };
    },
  };
}
