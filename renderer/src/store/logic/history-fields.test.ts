import { describe, expect, it } from 'vitest';
import { historyFieldLabel, isEventField } from './history-fields.ts';

describe('history field labels', () => {
  it('names known fields as the details pane does', () => {
    expect(historyFieldLabel('title')).toBe('Title');
    expect(historyFieldLabel('csl.issued')).toBe('Date');
    expect(historyFieldLabel('csl.container-title')).toBe('Venue');
    expect(historyFieldLabel('trash')).toBe('Moved to the trash');
  });
  it('makes a readable label of any other field, never an empty one', () => {
    expect(historyFieldLabel('csl.collection-title')).toBe('Collection title');
    expect(historyFieldLabel('metadataPending')).toBe('Metadata Pending');
    expect(historyFieldLabel('csl.')).toBe('csl.');
  });
  it('tells events from value changes', () => {
    expect(isEventField('trash')).toBe(true);
    expect(isEventField('tags')).toBe(false);
  });
});
