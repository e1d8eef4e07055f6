import type { Item } from '../../../../shared/model/item.ts';
import { FieldInput } from '../../components/FieldInput.tsx';
import { Icon } from '../../components/Icon.tsx';
import { doiUrl, openExternal } from '../../platform/index.ts';
import { useStore } from '../../store/index.ts';
import { AuthorsField } from './AuthorsField.tsx';
import { CSL_TYPES, formatCslDate, parseDateInput, textPatchValue } from './csl-fields.ts';

interface TextFieldSpec {
  variable: string;
  label: string;
  multiline?: boolean;
  link?: (value: string) => string | null;
}

const TEXT_FIELDS: readonly TextFieldSpec[] = [
  { variable: 'container-title', label: 'Venue' },
  { variable: 'volume', label: 'Volume' },
  { variable: 'issue', label: 'Issue' },
  { variable: 'page', label: 'Pages' },
  { variable: 'publisher', label: 'Publisher' },
  { variable: 'DOI', label: 'DOI', link: doiUrl },
  { variable: 'URL', label: 'URL', link: (v) => (/^https?:\/\//i.test(v.trim()) ? v.trim() : null) },
  { variable: 'ISBN', label: 'ISBN' },
];

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** The item's CSL fields, each edited in place and saved on blur or Enter. */
export function MetadataFields({ item }: { item: Item }) {
  const save = (csl: Record<string, unknown>) => useStore.getState().patchItem(item.id, { csl });
  const csl = item.csl;
  const knownType = CSL_TYPES.some((t) => t.value === csl.type);

  return (
    <div className="field-grid">
      <label className="field-label" htmlFor="field-type">Type</label>
      <select id="field-type" className="field-input" data-testid="field-type" value={csl.type} onChange={(e) => void save({ type: e.target.value })}>
        {knownType ? null : <option value={csl.type}>{csl.type}</option>}
        {CSL_TYPES.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
      </select>

      <span className="field-label top">Authors</span>
      <AuthorsField item={item} />

      <label className="field-label" htmlFor="field-issued">Date</label>
      <FieldInput
        id="field-issued"
        label="Date"
        testId="field-issued"
        placeholder="YYYY-MM-DD"
        value={formatCslDate(csl.issued)}
        onCommit={(v) => void save({ issued: parseDateInput(v) })}
      />

      {TEXT_FIELDS.map((f) => {
        const value = str(csl[f.variable]);
        const href = f.link && value ? f.link(value) : null;
        return (
          <div className="field-row-contents" key={f.variable}>
            <label className="field-label" htmlFor={`field-${f.variable}`}>{f.label}</label>
            <div className={href ? 'field-with-action' : 'field-plain'}>
              <FieldInput id={`field-${f.variable}`} label={f.label} testId={`field-${f.variable}`} value={value} onCommit={(v) => void save({ [f.variable]: textPatchValue(v) })} />
              {href ? (
                <button type="button" className="icon-button small" title={`Open ${href}`} aria-label={`Open ${f.label}`} data-testid={`open-${f.variable}`} onClick={() => void openExternal(href)}>
                  <Icon name="link" size={14} />
                </button>
              ) : null}
            </div>
          </div>
        );
      })}

      <label className="field-label top" htmlFor="field-abstract">Abstract</label>
      <FieldInput
        id="field-abstract"
        label="Abstract"
        testId="field-abstract"
        multiline
        rows={5}
        value={str(csl.abstract)}
        onCommit={(v) => void save({ abstract: textPatchValue(v) })}
      />
    </div>
  );
}
