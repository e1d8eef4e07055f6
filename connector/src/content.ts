import type { PageSnapshot } from './messages.ts';

/** Bounds on what is copied out of a page: its metadata elements, never the whole document. */
const MAX_ELEMENTS = 5000;
const MAX_CHARS = 4 * 1024 * 1024;

function snapshot(): PageSnapshot {
  const parts: string[] = [];
  let size = 0;
  const selector = 'meta, script[type="application/ld+json"], span.Z3988, title, link[rel="canonical"]';
  for (const el of Array.from(document.querySelectorAll(selector)).slice(0, MAX_ELEMENTS)) {
    const html = el.outerHTML;
    if (size + html.length > MAX_CHARS) break;
    size += html.length;
    parts.push(html);
  }
  return { url: location.href, contentType: document.contentType, html: parts.join('\n') };
}

/** Fetched here, in the page's context, so the user's cookies for the site (an institution's access) apply. */
async function fetchPdf(url: string): Promise<{ ok: true; dataBase64: string } | { ok: false; message: string }> {
  try {
    const response = await fetch(url, { credentials: 'include' });
    if (!response.ok) return { ok: false, message: `the PDF answered ${response.status}` };
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > 200 * 1024 * 1024) return { ok: false, message: 'the PDF is larger than 200 MB' };
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { ok: true, dataBase64: btoa(binary) };
  } catch (error) {
    return { ok: false, message: `the PDF could not be fetched (${(error as Error).message})` };
  }
}

chrome.runtime.onMessage.addListener((message: { kind: string; url?: string }, _sender, reply) => {
  if (message.kind === 'get-snapshot') reply(snapshot());
  else if (message.kind === 'fetch-pdf' && message.url) {
    void fetchPdf(message.url).then(reply);
    return true;
  }
  return undefined;
});

void chrome.runtime.sendMessage({ kind: 'snapshot', snapshot: snapshot() }).catch(() => undefined);
