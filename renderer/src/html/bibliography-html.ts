/**
 * Plain text from citeproc's HTML bibliography: one line per entry, a
 * numeric label ("[1]", "1.") kept apart from the reference by a space.
 * Used for the text/plain flavour next to the HTML one, so one formatting run
 * serves both.
 */
export function bibliographyHtmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const lines = [...doc.querySelectorAll('.csl-entry')].map((entry) => {
    const left = entry.querySelector('.csl-left-margin');
    const right = entry.querySelector('.csl-right-inline');
    const text = left && right ? `${left.textContent?.trim() ?? ''} ${right.textContent?.trim() ?? ''}` : (entry.textContent ?? '');
    return text.replace(/\s+/g, ' ').trim();
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
