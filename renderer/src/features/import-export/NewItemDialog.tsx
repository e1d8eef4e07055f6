import { useState } from 'react';
import type { CslItemData } from '../../../../shared/model/csl.ts';
import { Modal } from '../../components/Modal.tsx';
import { useStore } from '../../store/index.ts';
import { CSL_TYPES, fromNameLines, parseDateInput, type NameLine } from '../details/csl-fields.ts';
import { NameListEditor } from '../details/NameListEditor.tsx';

const TEXT_FIELDS = [
  { variable: 'container-title', label: 'Venue', placeholder: 'Journal, proceedings or book title' },
  { variable: 'volume', label: 'Volume' },
  { variable: 'issue', label: 'Issue' },
  { variable: 'page', label: 'Pages', placeholder: '123–145' },
  { variable: 'DOI', label: 'DOI', placeholder: '10.xxxx/…' },
  { variable: 'URL', label: 'URL', placeholder: 'https://…' },
] as const;

type TextVariable = (typeof TEXT_FIELDS)[number]['variable'];

/** A new item typed in by hand. */
export function NewItemDialog() {
  const [type, setType] = useState('article-journal');
  const [title, setTitle] = useState('');
  const [authors, setAuthors] = useState<NameLine[]>([{ family: '', given: '', literal: false, rest: {} }]);
  const [year, setYear] = useState('');
  const [abstract, setAbstract] = useState('');
  const [fields, setFields] = useState<Record<TextVariable, string>>({ 'container-title': '', volume: '', issue: '', page: '', DOI: '', URL: '' });
  const [saving, setSaving] = useState(false);
  const close = () => useStore.getState().closeDialog();

  const submit = async () => {
    if (title.trim() === '' || saving) return;
    const csl: CslItemData = { type, title: title.trim() };
    const names = fromNameLines(authors);
    if (names.length > 0) csl.author = names;
    const issued = parseDateInput(year);
    if (issued) csl.issued = issued;
    for (const f of TEXT_FIELDS) {
      const v = fields[f.variable].trim();
      if (v) csl[f.variable] = v;
    }
    if (abstract.trim()) csl.abstract = abstract.trim();
    setSaving(true);
    const item = await useStore.getState().createItem({ csl });
    setSaving(false);
    if (item) close();
  };

  return (
    <Modal
      title="New Item"
      testId="new-item-dialog"
      width={600}
      onClose={close}
      footer={
        <>
          <button type="button" onClick={close}>Cancel</button>
          <button type="submit" form="new-item-form" className="primary" data-testid="new-item-submit" disabled={title.trim() === '' || saving}>
            Create Item
          </button>
        </>
      }
    >
      <form id="new-item-form" className="form-grid" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <label htmlFor="new-item-type">Type</label>
        <select id="new-item-type" data-testid="new-item-type" value={type} onChange={(e) => setType(e.target.value)}>
          {CSL_TYPES.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
        </select>
        <label htmlFor="new-item-title">Title</label>
        <input id="new-item-title" autoFocus required data-testid="new-item-title" value={title} onChange={(e) => setTitle(e.target.value)} />
        <span className="form-label">Authors</span>
        <NameListEditor lines={authors} onChange={setAuthors} testId="new-item-author" />
        <label htmlFor="new-item-issued">Year</label>
        <input id="new-item-issued" data-testid="new-item-issued" placeholder="2024 or 2024-05-17" value={year} onChange={(e) => setYear(e.target.value)} />
        {TEXT_FIELDS.map((f) => (
          <FieldRow key={f.variable} variable={f.variable} label={f.label} placeholder={'placeholder' in f ? f.placeholder : undefined} value={fields[f.variable]} onChange={(v) => setFields({ ...fields, [f.variable]: v })} />
        ))}
        <label htmlFor="new-item-abstract">Abstract</label>
        <textarea id="new-item-abstract" rows={4} data-testid="new-item-abstract" value={abstract} onChange={(e) => setAbstract(e.target.value)} />
      </form>
    </Modal>
  );
}

function FieldRow({ variable, label, placeholder, value, onChange }: { variable: string; label: string; placeholder: string | undefined; value: string; onChange(v: string): void }) {
  const id = `new-item-${variable}`;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} data-testid={id} placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} />
    </>
  );
}
