import { describe, expect, it } from 'vitest';
import { bibtexYearMonth, formatIsoDate, issuedFromFields, parseIsoDate } from './bibtex-dates.ts';
import { parseMonth } from './bibtex-months.ts';

describe('dates', () => {
  it('parses biblatex dates and ranges', () => {
    expect(parseIsoDate('2004')).toEqual({ 'date-parts': [[2004]] });
    expect(parseIsoDate('2004-02')).toEqual({ 'date-parts': [[2004, 2]] });
    expect(parseIsoDate('2004-02-15')).toEqual({ 'date-parts': [[2004, 2, 15]] });
    expect(parseIsoDate('1984/1986')).toEqual({ 'date-parts': [[1984], [1986]] });
    expect(parseIsoDate('1968-05-19/1968-05-25')).toEqual({ 'date-parts': [[1968, 5, 19], [1968, 5, 25]] });
    expect(parseIsoDate('2004/')).toEqual({ 'date-parts': [[2004]], raw: '2004/' });
    expect(parseIsoDate('1850~')).toEqual({ 'date-parts': [[1850]], circa: true });
    expect(parseIsoDate('2004-21')).toBeNull();
    expect(parseIsoDate('forthcoming')).toBeNull();
  });

  it('combines year, month and day, or date', () => {
    expect(issuedFromFields(undefined, '2004', 'February', undefined)).toEqual({ 'date-parts': [[2004, 2]] });
    expect(issuedFromFields(undefined, '2004', 'February 1', undefined)).toEqual({ 'date-parts': [[2004, 2, 1]] });
    expect(issuedFromFields(undefined, '2004', '1 Feb.', undefined)).toEqual({ 'date-parts': [[2004, 2, 1]] });
    expect(issuedFromFields(undefined, '2004', '3', '15')).toEqual({ 'date-parts': [[2004, 3, 15]] });
    expect(issuedFromFields(undefined, '2004', 'Spring', undefined)).toEqual({ 'date-parts': [[2004]] });
    expect(issuedFromFields(undefined, 'in press', undefined, undefined)).toEqual({ literal: 'in press' });
    expect(issuedFromFields('2001-07', '1999', undefined, undefined)).toEqual({ 'date-parts': [[2001, 7]] });
    expect(issuedFromFields('sometime', undefined, undefined, undefined)).toEqual({ literal: 'sometime' });
    expect(issuedFromFields(undefined, undefined, 'May', undefined)).toBeUndefined();
  });

  it('parses months in every usual spelling', () => {
    expect(['jan', 'Feb', 'feb.', 'March', '4', '05', 'sept', 'December'].map(parseMonth)).toEqual([1, 2, 2, 3, 4, 5, 9, 12]);
    expect(['13', '0', 'ma', 'Mayday', ''].map(parseMonth)).toEqual([null, null, null, null, null]);
  });

  it('writes biblatex dates and bibtex year/month', () => {
    expect(formatIsoDate({ 'date-parts': [[2004, 2, 5]] })).toBe('2004-02-05');
    expect(formatIsoDate({ 'date-parts': [[1984], [1986]] })).toBe('1984/1986');
    expect(formatIsoDate({ 'date-parts': [['2004', '3']] })).toBe('2004-03');
    expect(formatIsoDate({ literal: 'in press' })).toBeNull();
    expect(bibtexYearMonth({ 'date-parts': [[2004, 2, 5]] })).toEqual({ year: '2004', month: 2 });
    expect(bibtexYearMonth({ 'date-parts': [[1984], [1986]] })).toEqual({ year: '1984--1986' });
    expect(bibtexYearMonth({ literal: 'in press' })).toEqual({ year: 'in press' });
  });
});
