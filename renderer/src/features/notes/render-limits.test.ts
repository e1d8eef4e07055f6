import { describe, expect, it } from 'vitest';
import { clipText, MAX_FORMULA_CHARS, MAX_FORMULA_DEPTH, texNestingDepth, texProblem } from './render-limits.ts';

describe('texNestingDepth', () => {
  it('counts braces, \\left…\\right and \\begin…\\end', () => {
    expect(texNestingDepth('x^2')).toBe(0);
    expect(texNestingDepth('\\frac{a}{b^{c}}')).toBe(2);
    expect(texNestingDepth('\\left( \\frac{1}{2} \\right)')).toBe(2);
    expect(texNestingDepth('\\begin{matrix} a \\end{matrix}')).toBe(2);
  });

  it('ignores escaped braces and commands that only start like a delimiter', () => {
    expect(texNestingDepth('\\{ \\{ \\{ x \\} \\} \\}')).toBe(0);
    expect(texNestingDepth('a \\leftarrow b \\rightarrow c')).toBe(0);
  });

  it('measures 10,000 nested braces without recursion', () => {
    expect(texNestingDepth('{'.repeat(10_000) + 'x' + '}'.repeat(10_000))).toBe(10_000);
  });
});

describe('texProblem', () => {
  it('lets ordinary formulas through', () => {
    expect(texProblem('\\mathrm{softmax}(QK^T/\\sqrt{d_k})V')).toBeNull();
    expect(texProblem('{'.repeat(MAX_FORMULA_DEPTH) + 'x' + '}'.repeat(MAX_FORMULA_DEPTH))).toBeNull();
  });

  it('names the depth of a formula nested too deeply', () => {
    expect(texProblem('{'.repeat(10_000) + 'x' + '}'.repeat(10_000))).toBe('Formula not rendered: nested 10,000 levels deep, more than 64.');
    expect(texProblem('\\left('.repeat(3000) + 'x')).toContain('nested 3,000 levels deep');
  });

  it('names the length of a formula too long', () => {
    expect(texProblem("x" + "'".repeat(MAX_FORMULA_CHARS))).toBe('Formula not rendered: 4,001 characters, more than 4,000.');
  });
});

describe('clipText', () => {
  it('keeps a short text whole', () => {
    expect(clipText('abc', 10)).toEqual({ text: 'abc', clippedFrom: null });
  });

  it('cuts a long text at a line end near the limit', () => {
    const text = 'line one\n'.repeat(20);
    const clipped = clipText(text, 50);
    expect(clipped.clippedFrom).toBe(text.length);
    expect(clipped.text).toBe('line one\n'.repeat(5).slice(0, -1));
  });

  it('cuts a text without line ends at the limit', () => {
    expect(clipText('x'.repeat(100), 40)).toEqual({ text: 'x'.repeat(40), clippedFrom: 100 });
  });
});
