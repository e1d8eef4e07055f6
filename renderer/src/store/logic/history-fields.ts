/** What a history entry's `field` means to a reader: "Title", "Date", "Tags", "Moved to the trash". */
const LABELS: Record<string, string> = {
  create: 'Added',
  trash: 'Moved to the trash',
  restore: 'Restored from the trash',
  purge: 'Deleted permanently',
  'key-renamed': 'Citation key renamed by sync',
  citationKey: 'Citation key',
  keyPinned: 'Key pinned',
  title: 'Title',
  tags: 'Tags',
  collections: 'Collections',
  read: 'Read status',
  rating: 'Rating',
  flagged: 'Flag',
  note: 'Note',
  annotations: 'Annotations',
  attachments: 'Files',
  'csl.title': 'Title',
  'csl.issued': 'Date',
  'csl.author': 'Authors',
  'csl.editor': 'Editors',
  'csl.container-title': 'Venue',
  'csl.DOI': 'DOI',
  'csl.URL': 'URL',
  'csl.ISBN': 'ISBN',
  'csl.abstract': 'Abstract',
  'csl.page': 'Pages',
  'csl.type': 'Type',
};

export function historyFieldLabel(field: string): string {
  const known = LABELS[field];
  if (known) return known;
  const name = field.startsWith('csl.') ? field.slice(4) : field;
  const words = name.replace(/[-_]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim();
  return words === '' ? field : words.charAt(0).toUpperCase() + words.slice(1);
}

/** Fields whose entries are events (no old → new value to show). */
export function isEventField(field: string): boolean {
  return field === 'create' || field === 'trash' || field === 'restore' || field === 'purge';
}
