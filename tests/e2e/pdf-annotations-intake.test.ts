import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type AppSession } from '../helpers/app-session.ts';
import { pdfWithHighlight } from '../helpers/annotated-pdfs.ts';

/**
 * A PDF that already carries a highlight, dropped into the window of the web host: its annotation comes in with it
 * and the window says so; the page's own origin reads the stored PDF by range, as the reader's pdf.js will, under
 * the window's CSP. Screenshots (FOLIO_SCREENSHOTS) in light and dark.
 */

const SHOTS = process.env.FOLIO_SCREENSHOTS;
const work = mkdtempSync(join(tmpdir(), 'folio-e2e-pdf-annotations-'));

/** Records the text of each toast as it appears, in window.__folioToastsSeen. */
const TOAST_RECORDER = `(() => {
  const seen = (window.__folioToastsSeen = []);
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) {
      if (!(node instanceof HTMLElement)) continue;
      for (const toast of node.matches('.toast') ? [node] : node.querySelectorAll('.toast')) seen.push(toast.textContent ?? '');
    }
  }).observe(document.body, { childList: true, subtree: true });
})()`;

for (const scheme of ['light', 'dark'] as const) {
  describe(`a PDF with annotations, added in the window (Chromium, ${scheme})`, () => {
    let app: AppSession;
    let page: Page;

    beforeAll(async () => {
      const library = join(work, `library-${scheme}`);
      mkdirSync(library);
      app = await openApp(library, { colorScheme: scheme });
      page = app.page;
      await page.evaluate(TOAST_RECORDER);
    });
    afterAll(async () => {
      await app?.close();
    });

    it('brings the highlight in with the PDF, says so, and serves the PDF to the page by range', async () => {
      const pdf = join(work, `vaswani-${scheme}.pdf`);
      writeFileSync(pdf, await pdfWithHighlight('The key claim'));
      await page.getByTestId('import-file-input').setInputFiles(pdf);
      const toasts = async () => (await page.evaluate('window.__folioToastsSeen')) as string[];
      await expect.poll(async () => (await toasts()).join('\n')).toMatch(/vaswani-\w+\.pdf: 1 annotation from the PDF added to \w+/);
      if (SHOTS) {
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: join(SHOTS, `pdf-with-annotations-imported-${scheme}.png`) });
      }
      // The window's own origin, under its CSP, reads the stored PDF's first bytes: what pdf.js in the reader does.
      const token = new URLSearchParams(new URL(app.host.url).hash.slice(1)).get('token') ?? '';
      const path = await page.getByTestId('attachment-open').innerText();
      expect(path).toMatch(/\.pdf/);
      const answer = await page.evaluate(`(async () => {
        const call = await fetch('/api/call', { method: 'POST', headers: { 'content-type': 'application/json', 'x-folio-token': ${JSON.stringify(token)} },
          body: JSON.stringify({ method: 'library.listRows', args: [] }) });
        const [row] = (await call.json()).value;
        const item = await (await fetch('/api/call', { method: 'POST', headers: { 'content-type': 'application/json', 'x-folio-token': ${JSON.stringify(token)} },
          body: JSON.stringify({ method: 'library.getItem', args: [row.id] }) })).json();
        const stored = item.value.attachments[0].path.split('/').map(encodeURIComponent).join('/');
        const part = await fetch('/attachments/' + stored + '?token=' + encodeURIComponent(${JSON.stringify(token)}), { headers: { range: 'bytes=0-4' } });
        return { status: part.status, type: part.headers.get('content-type'), body: await part.text(), annotations: item.value.annotations.map((a) => a.text) };
      })()`);
      expect(answer).toEqual({ status: 206, type: 'application/pdf', body: '%PDF-', annotations: ['Attention is all you need'] });
      expect(app.browser.errors).toEqual([]);
    });
  });
}
