import type { PopupState, Request, SaveOutcome } from './messages.ts';

/** The popup: built with DOM calls and textContent only, so nothing from a page is ever parsed as HTML. */
const app = document.getElementById('app')!;
let tabId = -1;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

const send = <T>(message: Request): Promise<T> => chrome.runtime.sendMessage<T>(message);

function render(state: PopupState, note?: string): void {
  const parts: Node[] = [el('h1', {}, 'Folio')];
  if (note) parts.push(el('p', { className: 'muted', id: 'note' }, note));
  if (state.queued > 0) parts.push(el('p', { className: 'badge warn', id: 'queued' }, `${state.queued} save${state.queued === 1 ? '' : 's'} waiting for Folio`));
  if (!state.paired) {
    if (state.pairing) {
      parts.push(el('p', {}, 'In Folio’s window, allow the browser extension to add items. Check that it shows this code:'));
      parts.push(el('p', { className: 'code', id: 'pair-code' }, state.pairing.code));
    } else {
      parts.push(el('p', { className: 'muted' }, 'Pair once with Folio running on this computer.'));
      const pair = el('button', { id: 'pair', textContent: 'Pair with Folio' });
      pair.onclick = () => void send<{ code: string } | { ok: false; message: string }>({ kind: 'pair' }).then(() => refresh());
      parts.push(pair);
    }
  } else if (!state.page?.isPaper) {
    parts.push(el('p', { className: 'muted' }, 'This page does not describe a paper.'));
  } else {
    const page = state.page;
    parts.push(el('div', { className: 'title', id: 'paper-title' }, page.title));
    if (page.authors) parts.push(el('p', { className: 'muted' }, page.authors));
    parts.push(el('p', { className: 'muted' }, `Found: ${page.sources}${page.pdfUrl ? ' · PDF' : ''}`));
    if (!state.reachable) parts.push(el('p', { className: 'badge warn' }, 'Folio is not running: saving queues it'));
    if (state.existing) {
      parts.push(el('p', { className: 'badge ok', id: 'existing' }, 'Already in library'));
      if (!state.existing.hasPdf && page.pdfUrl) {
        const attach = el('button', { id: 'attach', textContent: 'Attach PDF' });
        attach.onclick = () => void send<SaveOutcome>({ kind: 'attach', tabId, itemId: state.existing!.itemId }).then((o) => refresh(o.ok ? 'PDF attached.' : o.message));
        parts.push(attach);
      }
    } else {
      const select = el('select', { id: 'collection' }, el('option', { value: '' }, 'No collection'));
      for (const c of state.collections) select.append(el('option', { value: c.id, selected: c.id === state.lastCollection }, c.path));
      const tags = el('input', { id: 'tags', placeholder: 'comma, separated' });
      const save = el('button', { id: 'save', textContent: 'Save to Folio' });
      save.onclick = () => {
        save.disabled = true;
        const list = tags.value.split(',').map((t) => t.trim()).filter(Boolean);
        void send<SaveOutcome>({ kind: 'save', tabId, collectionId: select.value || null, tags: list }).then((o) =>
          refresh(o.ok ? `Saved${o.response.pdf === 'attached' ? ' with its PDF' : ''}.` : o.message));
      };
      parts.push(el('label', {}, 'Collection', select), el('label', {}, 'Tags', tags), save);
    }
  }
  app.replaceChildren(...parts);
}

async function refresh(note?: string): Promise<void> {
  render(await send<PopupState>({ kind: 'popup-state', tabId }), note);
}

void (async () => {
  // The test harness opens the popup as a tab and names the page's tab in the address.
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) tabId = fromQuery;
  else tabId = (await chrome.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? -1;
  await refresh();
  // While pairing, follow the answer given in Folio's window.
  setInterval(() => void refresh(document.getElementById('note')?.textContent ?? undefined), 1500);
})();
