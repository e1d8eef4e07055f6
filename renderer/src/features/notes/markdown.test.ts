import { describe, it, expect } from 'vitest';
import { renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    const html = renderMarkdown('# Notes\n\n*important* and **bold**\n\n- one\n- two');
    expect(html).toContain('<h1>Notes</h1>');
    expect(html).toContain('<em>important</em>');
    expect(html).toContain('<li>two</li>');
  });

  it('escapes raw HTML instead of passing it through', () => {
    const html = renderMarkdown('<img src=x onerror=alert(1)> <script>alert(1)</script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('does not turn javascript: links into anchors', () => {
    const html = renderMarkdown('[click](javascript:alert(1)) [ok](https://example.org)');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('href="https://example.org"');
  });

  it('renders inline and display math with KaTeX', () => {
    const html = renderMarkdown('Energy $E = mc^2$ here.\n\n$$\n\\int_0^1 x\\,dx = \\frac{1}{2}\n$$\n\nafter');
    expect(html).toContain('class="katex"');
    expect(html).toContain('class="math-block"');
    expect(html).toContain('katex-display');
    expect(html).toContain('<p>after</p>');
  });

  it('accepts a one-line $$ block and $$ inside a paragraph', () => {
    expect(renderMarkdown('$$a^2+b^2$$')).toContain('katex-display');
    expect(renderMarkdown('so $$x$$ is shown')).toContain('katex-display');
  });

  it('leaves prices, escaped dollars and unterminated math as text', () => {
    const prices = renderMarkdown('costs $5 and $10 today');
    expect(prices).not.toContain('katex');
    expect(prices).toContain('costs $5 and $10 today');
    expect(renderMarkdown('a \\$x\\$ b')).not.toContain('katex');
    expect(renderMarkdown('$$\nunclosed')).not.toContain('katex');
  });

  it('shows bad TeX as an error span instead of throwing', () => {
    const html = renderMarkdown('$\\frac{1}{$');
    expect(html).toContain('katex-error');
  });

  it('does not allow KaTeX commands that would emit links or raw HTML', () => {
    const html = renderMarkdown('$\\href{javascript:alert(1)}{x}$ $\\htmlClass{a}{b}$');
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain('class="a"');
  });
});

describe('renderMarkdown on hostile notes', () => {
  it('shows a formula nested 10,000 braces deep as its source with the reason, without overflowing the stack', () => {
    const html = renderMarkdown('Before $' + '{'.repeat(10_000) + 'x' + '}'.repeat(10_000) + '$ after');
    expect(html).toContain('class="math-error"');
    expect(html).toContain('Formula not rendered: nested 10,000 levels deep, more than 64.');
    expect(html).toContain('after');
    expect(html.length).toBeLessThan(2000);
  });

  it('bounds a formula that only grows, such as thousands of primes', () => {
    const html = renderMarkdown('$$x' + "'".repeat(19_000) + '$$');
    expect(html).toContain('Formula not rendered: 19,001 characters');
  });

  it('escapes the source of a formula it does not render', () => {
    const html = renderMarkdown('$' + '{'.repeat(100) + '<img src=x onerror=alert(1)>' + '}'.repeat(100) + '$');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img');
  });

  it('stops nesting 10,000 block quotes at the nesting limit', () => {
    const html = renderMarkdown('>'.repeat(10_000) + ' deep');
    const quotes = (html.match(/<blockquote>/g) ?? []).length;
    expect(quotes).toBeGreaterThan(0);
    expect(quotes).toBeLessThanOrEqual(50);
  });
});
