import type { PdfSession } from './pdf-session.ts';
import { Outline } from './Outline.tsx';
import type { NavPane } from './ReaderToolbar.tsx';
import { Thumbnails } from './Thumbnails.tsx';

/** The left pane of the reader: page thumbnails or the outline. */
export function NavigationPane({ pane, session, page }: { pane: NavPane; session: PdfSession; page: number }) {
  return (
    <aside className="reader-nav" aria-label={pane === 'outline' ? 'Outline' : 'Thumbnails'}>
      {pane === 'outline' ? <Outline session={session} /> : <Thumbnails session={session} page={page} />}
    </aside>
  );
}
