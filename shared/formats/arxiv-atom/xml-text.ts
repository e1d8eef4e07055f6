const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Character data of an XML element: CDATA kept verbatim, entities (named, decimal, hex) decoded, tags dropped. */
export function xmlText(inner: string): string {
  let out = '';
  let rest = inner;
  while (rest.length > 0) {
    const cdata = rest.indexOf('<![CDATA[');
    const head = cdata < 0 ? rest : rest.slice(0, cdata);
    out += decodeEntities(head.replace(/<[^>]*>/g, ''));
    if (cdata < 0) break;
    const end = rest.indexOf(']]>', cdata);
    out += rest.slice(cdata + 9, end < 0 ? undefined : end);
    rest = end < 0 ? '' : rest.slice(end + 3);
  }
  return out;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** Collapses runs of white space (Atom wraps titles and abstracts over lines). */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Inner text of every `<tag ...>...</tag>` (or self-closed) in `xml`, namespace prefix included in `tag`. */
export function elements(xml: string, tag: string): Array<{ attrs: string; inner: string }> {
  const escaped = tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`<${escaped}(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${escaped}\\s*>)`, 'g');
  return [...xml.matchAll(re)].map((m) => ({ attrs: m[1] ?? '', inner: m[2] ?? '' }));
}

export function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  const raw = m ? (m[1] ?? m[2]) : undefined;
  return raw === undefined ? undefined : xmlText(raw);
}
