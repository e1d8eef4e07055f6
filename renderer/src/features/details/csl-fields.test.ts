import { describe, it, expect } from 'vitest';
import { formatCslDate, fromNameLines, parseDateInput, textPatchValue, toNameLines } from './csl-fields.ts';

describe('dates', () => {
  it('parses ISO-like input into date-parts', () => {
    expect(parseDateInput('2017')).toEqual({ 'date-parts': [[2017]] });
    expect(parseDateInput('2017-6')).toEqual({ 'date-parts': [[2017, 6]] });
    expect(parseDateInput(' 2017/06/12 ')).toEqual({ 'date-parts': [[2017, 6, 12]] });
  });
  it('keeps anything else as raw, and empty as removal', () => {
    expect(parseDateInput('Spring 2019')).toEqual({ raw: 'Spring 2019' });
    expect(parseDateInput('2017-13')).toEqual({ raw: '2017-13' });
    expect(parseDateInput('  ')).toBeNull();
  });
  it('formats date-parts with padding and falls back to raw', () => {
    expect(formatCslDate({ 'date-parts': [[2017, 6, 2]] })).toBe('2017-06-02');
    expect(formatCslDate({ 'date-parts': [['2019']] })).toBe('2019');
    expect(formatCslDate({ raw: 'n.d.' })).toBe('n.d.');
    expect(formatCslDate(undefined)).toBe('');
  });
  it('round-trips what it formats', () => {
    for (const d of ['2017', '2017-06', '2017-06-12']) expect(formatCslDate(parseDateInput(d) ?? undefined)).toBe(d);
  });
});

describe('name lines', () => {
  it('round-trips personal and institutional names, keeping particles', () => {
    const names = [{ family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' }, { literal: 'CERN' }];
    expect(fromNameLines(toNameLines(names))).toEqual(names);
  });
  it('drops blank lines and trims', () => {
    expect(fromNameLines([
      { family: ' Curie ', given: ' Marie ', literal: false, rest: {} },
      { family: '', given: ' ', literal: false, rest: {} },
      { family: '', given: 'Plato', literal: false, rest: {} },
    ])).toEqual([{ family: 'Curie', given: 'Marie' }, { given: 'Plato' }]);
  });
});

describe('textPatchValue', () => {
  it('sends null for an emptied field', () => {
    expect(textPatchValue('  ')).toBeNull();
    expect(textPatchValue(' Nature ')).toBe('Nature');
  });
});
