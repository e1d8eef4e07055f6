import { useEffect, useState } from 'react';

type Render = (markdown: string) => string;
let renderer: Render | null = null;
let loading: Promise<Render> | null = null;

// The Markdown and KaTeX code is loaded on the first comment shown, not with the reader.
function loadRenderer(): Promise<Render> {
  loading ??= import('./comment-html.ts').then((m) => (renderer = m.commentHtml));
  return loading;
}

/** A sidebar card's comment, rendered as notes are; its raw text shows for the moment the renderer loads. */
export function AnnotationComment({ markdown }: { markdown: string }) {
  const [render, setRender] = useState<Render | null>(() => renderer);
  useEffect(() => {
    if (render) return;
    let live = true;
    void loadRenderer().then((r) => { if (live) setRender(() => r); });
    return () => { live = false; };
  }, [render]);
  if (!render) return <p className="annotation-card-comment">{markdown}</p>;
  // Sanitised HTML: markdown-it with html off, then DOMPurify (see comment-html.ts).
  return <div className="annotation-card-comment markdown-body" data-testid="annotation-card-comment" dangerouslySetInnerHTML={{ __html: render(markdown) }} />;
}
