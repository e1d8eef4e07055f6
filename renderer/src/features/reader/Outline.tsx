import { useEffect, useState } from 'react';
import type { PdfSession } from './pdf-session.ts';

interface OutlineNode {
  title: string;
  dest: string | unknown[] | null;
  items: OutlineNode[];
}

function OutlineItems({ items, session }: { items: OutlineNode[]; session: PdfSession }) {
  return (
    <ul>
      {items.map((node, i) => (
        <li key={i}>
          <button type="button" className="reader-outline-entry" disabled={node.dest === null} onClick={() => { if (node.dest) void session.linkService.goToDestination(node.dest); }}>
            {node.title}
          </button>
          {node.items.length > 0 ? <OutlineItems items={node.items} session={session} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** The document's own outline (bookmarks); a click jumps there, and Back returns. */
export function Outline({ session }: { session: PdfSession }) {
  const [outline, setOutline] = useState<OutlineNode[] | null | 'loading'>('loading');
  useEffect(() => {
    let live = true;
    void (session.document?.getOutline() ?? Promise.resolve(null))
      .then((o) => { if (live) setOutline((o as OutlineNode[] | null) ?? null); })
      .catch(() => { if (live) setOutline(null); });
    return () => { live = false; };
  }, [session]);
  if (outline === 'loading') return <p className="muted reader-pane-empty">Loading…</p>;
  if (!outline || outline.length === 0) return <p className="muted reader-pane-empty" data-testid="reader-outline-empty">This PDF has no outline.</p>;
  return <nav className="reader-outline" data-testid="reader-outline"><OutlineItems items={outline} session={session} /></nav>;
}
