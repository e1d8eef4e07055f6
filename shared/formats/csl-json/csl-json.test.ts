import { describe, expect, it } from 'vitest';
import type { CslItemData } from '../../model/csl.ts';
import { exportCslJson, parseCslJson } from './index.ts';

const GOOD = `[
  {
    "id": "vaswani2017attention",
    "type": "paper-conference",
    "title": "Attention Is All You Need",
    "author": [{ "family": "Vaswani", "given": "Ashish" }, { "family": "Shazeer", "given": "Noam" }],
    "container-title": "Advances in Neural Information Processing Systems",
    "issued": { "date-parts": [[2017, 12, 4]] }
  },
  {
    "id": "openai2023gpt4",
    "type": "report",
    "title": "GPT-4 Technical Report",
    "author": [{ "literal": "OpenAI" }],
    "issued": { "date-parts": [["2023"]] }
  }
]`;

describe('parseCslJson', () => {
  it('imports valid items with the line each starts on', () => {
    const { records, issues } = parseCslJson(GOOD, 'lib.json');
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.line, r.csl.id, r.csl.title])).toEqual([
      [2, 'vaswani2017attention', 'Attention Is All You Need'],
      [10, 'openai2023gpt4', 'GPT-4 Technical Report'],
    ]);
  });

  it('skips each bad record with its number, line and key, and keeps the good ones', () => {
    const text = [
      '[',
      '  {"id": "ok1", "type": "article", "title": "Mamba"},',
      '  "just a string",',
      '  {"id": "badtype", "type": "journal-article", "title": "X"},',
      '  {"id": "notype", "title": "X"},',
      '  {"id": "numtitle", "type": "book", "title": 42},',
      '  {"id": "strauthor", "type": "book", "author": "Ada Lovelace"},',
      '  {"id": "strname", "type": "book", "author": ["Ada Lovelace"]},',
      '  {"id": "month13", "type": "book", "issued": {"date-parts": [[2020, 13, 1]]}},',
      '  {"id": "feb30", "type": "book", "issued": {"date-parts": [[2021, 2, 30]]}},',
      '  {"id": "strdate", "type": "book", "issued": "2020"},',
      '  {"id": "ok2", "type": "book", "issued": {"date-parts": [[2020, 2, 29]]}, "accessed": {"raw": "last spring"}},',
      '  {"id": "season", "type": "book", "issued": {"date-parts": [[2020, 21]]}}',
      ']',
    ].join('\n');
    const { records, issues } = parseCslJson(text, 'mixed.json');
    expect(records.map((r) => [r.line, r.csl.id])).toEqual([[2, 'ok1'], [12, 'ok2'], [13, 'season']]);
    expect(issues.map((i) => [i.line, i.key, i.reason])).toEqual([
      [3, undefined, 'record 2 not an object; skipped'],
      [4, 'badtype', 'record 3 unknown CSL type "journal-article"; skipped'],
      [5, 'notype', 'record 4 has no "type"; skipped'],
      [6, 'numtitle', 'record 5 "title" must be text; skipped'],
      [7, 'strauthor', 'record 6 "author" must be a list of names; skipped'],
      [8, 'strname', 'record 7 "author" name 1 is not an object; skipped'],
      [9, 'month13', 'record 8 "issued" is an impossible date: month 13 does not exist; skipped'],
      [10, 'feb30', 'record 9 "issued" is an impossible date: day 30 does not exist in month 2 of 2021; skipped'],
      [11, 'strdate', 'record 10 "issued" must be a date object with "date-parts", "raw" or "literal"; skipped'],
    ]);
    expect(issues.every((i) => i.file === 'mixed.json')).toBe(true);
  });

  it('reports text that is not JSON once, at the line where parsing stopped', () => {
    const text = '[\n  {"type": "book", "title": "A"},\n  {"type": "book", "title": "B",}\n]';
    const { records, issues } = parseCslJson(text, 'broken.json');
    expect(records).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.line).toBe(3);
    expect(issues[0]!.reason).toMatch(/^not valid JSON \(column 33\): /);
  });

  it('accepts a single item, and strings with brackets do not confuse the line count', () => {
    const one = parseCslJson('\n\n{"type": "book", "title": "[a], {b}"}', 'one.json');
    expect(one.records).toEqual([{ line: 3, csl: { type: 'book', title: '[a], {b}' } }]);
    const tricky = parseCslJson('[{"type": "book", "title": "\\"[x,\\""},\n{"type": "book"}]', 't.json');
    expect(tricky.records.map((r) => r.line)).toEqual([1, 2]);
  });

  it('rejects empty files and JSON that holds no items', () => {
    expect(parseCslJson('  \n', 'e.json').issues[0]!.reason).toBe('the file is empty');
    expect(parseCslJson('42', 'n.json').issues[0]!.reason).toBe('expected a list of CSL-JSON items');
  });
});

describe('exportCslJson', () => {
  it('writes id and type first, then sorted keys, two-space indented', () => {
    const item: CslItemData = { title: 'Mamba', type: 'article', id: 'gu2023mamba', author: [{ given: 'Albert', family: 'Gu' }], URL: undefined };
    expect(exportCslJson([item])).toBe(
      '[\n  {\n    "id": "gu2023mamba",\n    "type": "article",\n    "author": [\n      {\n        "family": "Gu",\n        "given": "Albert"\n      }\n    ],\n    "title": "Mamba"\n  }\n]\n',
    );
  });

  it('round-trips through parseCslJson and is stable', () => {
    const { records } = parseCslJson(GOOD, 'lib.json');
    const written = exportCslJson(records.map((r) => r.csl));
    const again = parseCslJson(written, 'again.json');
    expect(again.issues).toEqual([]);
    expect(again.records.map((r) => r.csl)).toEqual(records.map((r) => r.csl));
    expect(exportCslJson(again.records.map((r) => r.csl))).toBe(written);
  });
});
