import type { PopupState, Request, SaveOutcome } from './messages.ts';

/** The popup: built with DOM calls and textContent only, so nothing from a page is ever parsed as HTML. */
const app = document.getElementById('app')!;
let tabId = -1;
let shown = '';
let timer: ReturnType<typeof setTimeout> | undefined;
/** The item this popup just saved: its banner says "Saved", not "Already in library". */
let savedNow: string | null = null;
let note: { text: string; tone: 'ok' | 'warn' | 'error' } | null = null;
/** What the user has typed or picked, kept across re-renders. */
const form: { collection: string | null; tags: string; busy: boolean } = { collection: null, tags: '', busy: false };

type Props<K extends keyof HTMLElementTagNameMap> = Partial<Omit<HTMLElementTagNameMap[K], 'dataset'>> & { testId?: string };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props<K> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const { testId, ...rest } = props;
  const node = Object.assign(document.createElement(tag), rest);
  if (testId) node.id = testId;
  node.append(...children);
  return node;
}

const send = <T>(message: Request): Promise<T> => chrome.runtime.sendMessage<T>(message);

function header(state: PopupState): HTMLElement {
  return el('header', {},
    el('span', { className: 'mark', ariaHidden: 'true' }, 'F'),
    el('h1', {}, 'Save to Folio'),
    state.library && state.reachable && state.paired ? el('span', { className: 'library', title: `Saves go to the Folio library “${state.library}”` }, `into ${state.library}`) : '');
}

function pairingView(state: PopupState): Node[] {
  if (state.pairing) {
    return [
      el('p', {}, 'In Folio’s window, allow the browser extension to add items. Check that Folio shows this code:'),
      el('p', { className: 'code', testId: 'pair-code' }, state.pairing.code),
      el('p', { className: 'muted small' }, 'Waiting for your answer in Folio…'),
    ];
  }
  if (!state.reachable) return [];
  const pair = el('button', { testId: 'pair', className: 'primary', textContent: 'Pair with Folio' });
  pair.onclick = () => {
    pair.disabled = true;
    void send<{ code: string } | { ok: false; message: string }>({ kind: 'pair' }).then((answer) => {
      note = 'ok' in answer && !answer.ok ? { text: `Could not ask Folio to pair: ${answer.message}`, tone: 'error' } : null;
      return refresh();
    });
  };
  return [el('p', {}, 'Pair once with Folio running on this computer. Folio asks you to allow it in its window.'), pair];
}

function paperCard(state: PopupState): Node {
  const page = state.page!;
  const ids: Node[] = [];
  if (page.arxivId) ids.push(el('span', { className: 'chip' }, `arXiv:${page.arxivId}`));
  if (page.doi && !page.doi.startsWith('10.48550/')) ids.push(el('span', { className: 'chip' }, `DOI ${page.doi}`));
  if (page.kind === 'paper') ids.push(el('span', { className: page.pdfUrl ? 'chip' : 'chip off' }, page.pdfUrl ? 'PDF' : 'no PDF'));
  return el('section', { className: 'paper' },
    el('p', { className: 'kind' }, page.kind === 'pdf' ? 'PDF in this tab' : page.venue || 'Paper'),
    el('p', { className: 'title', testId: 'paper-title' }, page.title),
    page.authors ? el('p', { className: 'authors', testId: 'paper-authors' }, page.authors) : '',
    page.kind === 'pdf' ? el('p', { className: 'muted small' }, 'Folio reads its title, DOI and arXiv id from the file.') : '',
    ids.length ? el('p', { className: 'chips' }, ...ids) : '',
    page.kind === 'paper' ? el('p', { className: 'muted small', testId: 'sources' }, `From the page’s ${page.sources}`) : '');
}

function existingView(state: PopupState): Node[] {
  const existing = state.existing!;
  const parts: Node[] = [el('div', { className: 'banner ok', testId: 'existing' }, el('strong', {}, existing.itemId === savedNow ? 'Saved to your library' : 'Already in library'), el('span', {}, existing.title))];
  if (!existing.hasPdf && state.page?.pdfUrl) {
    const attach = el('button', { testId: 'attach', className: 'primary', textContent: 'Attach PDF to it' });
    attach.onclick = () => {
      attach.disabled = true;
      void send<SaveOutcome>({ kind: 'attach', tabId, itemId: existing.itemId }).then((o) => {
        note = o.ok ? { text: 'PDF attached.', tone: 'ok' } : { text: o.message, tone: 'error' };
        return refresh();
      });
    };
    parts.push(attach);
  } else if (existing.hasPdf) {
    parts.push(el('p', { className: 'muted small' }, 'Its PDF is attached.'));
  }
  return parts;
}

function saveForm(state: PopupState): Node[] {
  const select = el('select', { testId: 'collection' }, el('option', { value: '' }, 'Library (no collection)'));
  const chosen = form.collection ?? state.lastCollection ?? '';
  for (const c of state.collections) select.append(el('option', { value: c.id, selected: c.id === chosen }, c.path));
  select.onchange = () => void (form.collection = select.value);
  const tags = el('input', { testId: 'tags', placeholder: 'e.g. to-read, transformers', value: form.tags, autocomplete: 'off' });
  tags.oninput = () => void (form.tags = tags.value);
  const label = state.page?.kind === 'pdf' ? 'Save PDF to Folio' : state.page?.pdfUrl ? 'Save with PDF' : 'Save to Folio';
  const save = el('button', { testId: 'save', className: 'primary', textContent: form.busy ? 'Saving…' : label, disabled: form.busy });
  save.onclick = () => {
    form.busy = true;
    save.disabled = true;
    save.textContent = 'Saving…';
    const list = tags.value.split(',').map((t) => t.trim()).filter(Boolean);
    void send<SaveOutcome>({ kind: 'save', tabId, collectionId: select.value || null, tags: list }).then((o) => {
      form.busy = false;
      if (o.ok) {
        const pdf = o.response.pdf === 'attached' ? ' with its PDF' : o.response.pdf === 'failed' ? `; the PDF was not attached (${o.response.pdfMessage ?? 'failed'})` : '';
        if (o.response.status === 'created') savedNow = o.response.itemId;
        note = { text: `${o.response.status === 'exists' ? 'It was already in the library' : 'Saved'}${pdf}.`, tone: o.response.pdf === 'failed' ? 'warn' : 'ok' };
        form.tags = '';
      } else {
        note = { text: o.message, tone: o.queued ? 'warn' : 'error' };
      }
      return refresh();
    });
  };
  return [
    el('label', {}, el('span', {}, 'Collection'), select),
    el('label', {}, el('span', {}, 'Tags'), tags),
    save,
  ];
}

function connection(state: PopupState): Node {
  const port = el('input', { testId: 'port', type: 'number', min: '1', max: '65535', value: String(state.port) });
  const apply = el('button', { testId: 'set-port', className: 'secondary', textContent: 'Use' });
  apply.onclick = () => {
    const value = Number(port.value);
    if (!Number.isInteger(value) || value < 1 || value > 65535) {
      note = { text: 'A port is a number from 1 to 65535.', tone: 'error' };
      void refresh();
      return;
    }
    void send({ kind: 'set-port', port: value }).then(() => refresh());
  };
  const details = el('details', { className: 'connection', open: !state.reachable },
    el('summary', {}, `Folio on port ${state.port}`),
    el('p', { className: 'muted small' }, 'Folio listens on 23140 unless started with --connector-port.'),
    el('div', { className: 'row' }, port, apply));
  return details;
}

function render(state: PopupState): void {
  const parts: Node[] = [header(state)];
  const body: Node[] = [];
  if (state.queued > 0) {
    body.push(el('div', { className: 'banner warn', testId: 'queued' }, el('strong', {}, `${state.queued} save${state.queued === 1 ? '' : 's'} waiting`), el('span', {}, 'Delivered when Folio is running.')));
  }
  if (!state.reachable) body.push(el('div', { className: 'banner warn', testId: 'unreachable' }, el('strong', {}, 'Folio is not running'), el('span', {}, state.paired ? 'Saving now queues the save.' : 'Start Folio to pair.')));
  if (!state.paired) body.push(...pairingView(state));
  else if (state.page?.kind !== 'paper' && state.page?.kind !== 'pdf') body.push(el('p', { className: 'muted', testId: 'not-paper' }, 'This page does not describe a paper. Open a paper’s page, or its PDF.'));
  else {
    body.push(paperCard(state));
    body.push(...(state.existing ? existingView(state) : saveForm(state)));
  }
  if (note) body.push(el('p', { className: `status ${note.tone}`, testId: 'note', role: 'status' }, note.text));
  parts.push(el('div', { className: 'body' }, ...body), connection(state));
  app.replaceChildren(...parts);
}

async function refresh(): Promise<void> {
  const state = await send<PopupState>({ kind: 'popup-state', tabId });
  // Re-rendered only when something changed: a poll must not disturb what the user is typing.
  const key = JSON.stringify([state, note, form.busy, savedNow]);
  if (key !== shown) {
    shown = key;
    render(state);
  }
  // Followed while Folio's answer or Folio itself is awaited.
  clearTimeout(timer);
  if (state.pairing || !state.reachable || state.queued > 0) timer = setTimeout(() => void refresh(), 1500);
}

void (async () => {
  // A test (or a user with a pinned popup tab) names the page's tab in the address.
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) tabId = fromQuery;
  else tabId = (await chrome.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? -1;
  await refresh();
})();
