import { describe, expect, it } from 'vitest';
import { formatName, formatNames, parseNames } from './bibtex-names.ts';

describe('parseNames', () => {
  const table: Array<[string, object[]]> = [
    ['Donald E. Knuth', [{ given: 'Donald E.', family: 'Knuth' }]],
    ['Knuth, Donald E.', [{ family: 'Knuth', given: 'Donald E.' }]],
    ['Ludwig van Beethoven', [{ given: 'Ludwig', 'non-dropping-particle': 'van', family: 'Beethoven' }]],
    ['van Beethoven, Ludwig', [{ 'non-dropping-particle': 'van', family: 'Beethoven', given: 'Ludwig' }]],
    ['de la Fontaine, Jean', [{ 'non-dropping-particle': 'de la', family: 'Fontaine', given: 'Jean' }]],
    ['Jean de la Fontaine', [{ given: 'Jean', 'non-dropping-particle': 'de la', family: 'Fontaine' }]],
    ['Van Gogh, Vincent', [{ family: 'Van Gogh', given: 'Vincent' }]],
    ['King, Jr., Martin Luther', [{ family: 'King', suffix: 'Jr.', given: 'Martin Luther' }]],
    ['García Márquez, Gabriel', [{ family: 'García Márquez', given: 'Gabriel' }]],
    ['{Barnes and Noble}', [{ literal: 'Barnes and Noble' }]],
    ['{World Health Organization} and Smith, J.', [{ literal: 'World Health Organization' }, { family: 'Smith', given: 'J.' }]],
    ['Aristotle', [{ family: 'Aristotle' }]],
    ['Smith, A. and Jones, B. and others', [{ family: 'Smith', given: 'A.' }, { family: 'Jones', given: 'B.' }, { literal: 'others' }]],
    ['Smith, A. AND Jones, B.', [{ family: 'Smith', given: 'A.' }, { family: 'Jones', given: 'B.' }]],
    ['Anderson, Sandy and Andrews, Ann', [{ family: 'Anderson', given: 'Sandy' }, { family: 'Andrews', given: 'Ann' }]],
    ['Aks{\\i}n, {\\"O}zge and {\\"O}zkal, Erhan', [{ family: 'Aksın', given: 'Özge' }, { family: 'Özkal', given: 'Erhan' }]],
    ['{\\c{C}}etinkaya, Bekir', [{ family: 'Çetinkaya', given: 'Bekir' }]],
    ['Charles Louis Xavier Joseph de la Vall{\\\'e}e Poussin', [{ given: 'Charles Louis Xavier Joseph', 'non-dropping-particle': 'de la', family: 'Vallée Poussin' }]],
    ['Достоевский, Фёдор Михайлович', [{ family: 'Достоевский', given: 'Фёдор Михайлович' }]],
    ['山田, 太郎', [{ family: '山田', given: '太郎' }]],
    ['Smith,\n   John   and\n  Doe, Jane', [{ family: 'Smith', given: 'John' }, { family: 'Doe', given: 'Jane' }]],
    ['', []],
  ];
  it.each(table)('%j', (input, expected) => {
    expect(parseNames(input)).toEqual(expected);
  });
});

describe('formatName(s)', () => {
  it('writes Last, First and braces what bibtex would otherwise split', () => {
    expect(formatName({ family: 'Knuth', given: 'Donald E.' })).toBe('Knuth, Donald E.');
    expect(formatName({ family: 'Gogh', given: 'Vincent', 'non-dropping-particle': 'van' })).toBe('van Gogh, Vincent');
    expect(formatName({ family: 'King', given: 'Martin Luther', suffix: 'Jr.' })).toBe('King, Jr., Martin Luther');
    expect(formatName({ literal: 'Barnes and Noble' })).toBe('{Barnes and Noble}');
    expect(formatName({ literal: 'ACME & Sons, Inc.' })).toBe('{ACME \\& Sons, Inc.}');
    expect(formatName({ family: 'World Health Organization' })).toBe('{World Health Organization}');
    expect(formatName({ family: 'Aristotle' })).toBe('Aristotle');
    expect(formatName({ given: 'Madonna' })).toBe('{Madonna}');
    expect(formatName({ literal: 'others' })).toBe('others');
    expect(formatName({ family: 'Smith, Jr', given: 'A' })).toBe('{Smith, Jr}, A');
  });

  it('round-trips through parseNames', () => {
    const names = [
      { family: 'Müller', given: 'Jörg' },
      { family: 'Gogh', given: 'Vincent', 'non-dropping-particle': 'van' },
      { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
      { literal: 'Barnes and Noble' },
      { family: 'Достоевский', given: 'Фёдор' },
      { literal: 'others' },
    ];
    expect(parseNames(formatNames(names))).toEqual(names);
  });
});
