import { decodeEntities } from './html-entities.ts';

/** What a page says about itself, found by one linear pass over its HTML. */
export interface ScannedPage {
  /** `<meta name|property|itemprop=… content=…>` in document order (names as written). */
  metas: Array<{ name: string; content: string }>;
  /** Bodies of `<script type="application/ld+json">`. */
  jsonLd: string[];
  /** `title` attributes of COinS spans (`class="Z3988"`), entities already decoded. */
  coins: string[];
  title: string | null;
  /** `<link rel="canonical">` and `<base href>`. */
  canonical: string | null;
  /** True when a limit below was reached and the rest was not collected. */
  truncated: boolean;
}

/** Bounds that keep a hostile page (50 MB, a million tags) cheap: the scan is linear and what it keeps is capped. */
export const SCAN_LIMITS = { metas: 5000, jsonLd: 20, jsonLdChars: 1_000_000, coins: 50, attributeChars: 100_000 } as const;

// Sticky-free global regexes searched from lastIndex: finding the end tag never copies or lower-cases the page.
const CLOSERS: Record<string, RegExp> = { script: /<\/script/gi, style: /<\/style/gi, title: /<\/title/gi, textarea: /<\/textarea/gi };

function parseAttributes(html: string, start: number): { attrs: Map<string, string>; end: number } {
  const attrs = new Map<string, string>();
  let i = start;
  const n = html.length;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === 62 /* > */) return { attrs, end: i + 1 };
    if (c <= 32 || c === 47 /* / */) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && !/[\s=>/]/.test(html[j]!)) j++;
    const name = html.slice(i, j).toLowerCase();
    i = j;
    while (i < n && html.charCodeAt(i) <= 32) i++;
    let value = '';
    if (html[i] === '=') {
      i++;
      while (i < n && html.charCodeAt(i) <= 32) i++;
      const q = html[i];
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, i + 1);
        const stop = close < 0 ? n : close;
        value = html.slice(i + 1, Math.min(stop, i + 1 + SCAN_LIMITS.attributeChars));
        i = stop + 1;
      } else {
        let k = i;
        while (k < n && !/[\s>]/.test(html[k]!)) k++;
        value = html.slice(i, k);
        i = k;
      }
    }
    if (name && !attrs.has(name)) attrs.set(name, decodeEntities(value));
  }
  return { attrs, end: n };
}

/** One pass over the HTML: tags are read where they start, comments and script bodies are skipped whole. */
export function scanHtml(html: string): ScannedPage {
  const page: ScannedPage = { metas: [], jsonLd: [], coins: [], title: null, canonical: null, truncated: false };
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close < 0 ? n : close + 3;
      continue;
    }
    const m = /^<([A-Za-z][A-Za-z0-9-]{0,20})/.exec(html.slice(lt, lt + 24));
    if (!m) {
      i = lt + 1;
      continue;
    }
    const tag = m[1]!.toLowerCase();
    const { attrs, end } = parseAttributes(html, lt + m[0].length);
    i = end;
    if (tag === 'meta') {
      const name = attrs.get('name') ?? attrs.get('property') ?? attrs.get('itemprop');
      const content = attrs.get('content');
      if (name && content !== undefined) {
        if (page.metas.length < SCAN_LIMITS.metas) page.metas.push({ name: name.trim(), content });
        else page.truncated = true;
      }
    } else if (tag === 'script' || tag === 'style' || tag === 'title' || tag === 'textarea') {
      const closer = CLOSERS[tag]!;
      closer.lastIndex = end;
      const close = closer.exec(html);
      const bodyEnd = close ? close.index : n;
      const body = html.slice(end, bodyEnd);
      i = bodyEnd;
      if (tag === 'script' && /^application\/ld\+json\b/i.test((attrs.get('type') ?? '').trim())) {
        if (page.jsonLd.length < SCAN_LIMITS.jsonLd && body.length <= SCAN_LIMITS.jsonLdChars) page.jsonLd.push(body);
        else page.truncated = true;
      } else if (tag === 'title' && page.title === null) {
        page.title = decodeEntities(body.slice(0, 10_000));
      }
    } else if (tag === 'span' && /(?:^|\s)Z3988(?:\s|$)/.test(attrs.get('class') ?? '')) {
      const title = attrs.get('title');
      if (title) {
        if (page.coins.length < SCAN_LIMITS.coins) page.coins.push(title);
        else page.truncated = true;
      }
    } else if (tag === 'link' && /(?:^|\s)canonical(?:\s|$)/i.test(attrs.get('rel') ?? '') && page.canonical === null) {
      page.canonical = attrs.get('href') ?? null;
    }
  }
  return page;
}
