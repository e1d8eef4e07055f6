import { describe, it, expect } from 'vitest';
import { allowedExternalUrl, doiUrl } from './external-links.ts';

describe('allowedExternalUrl', () => {
  it('passes web and mail links', () => {
    expect(allowedExternalUrl('https://arxiv.org/abs/1706.03762')).toBe('https://arxiv.org/abs/1706.03762');
    expect(allowedExternalUrl(' http://example.org ')).toBe('http://example.org/');
    expect(allowedExternalUrl('mailto:someone@example.org')).toBe('mailto:someone@example.org');
  });
  it('rewrites doi: links to the resolver', () => {
    expect(allowedExternalUrl('doi:10.1000/xyz123')).toBe('https://doi.org/10.1000/xyz123');
  });
  it('refuses script, file, data and relative links', () => {
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'file:///etc/passwd', 'data:text/html,<b>x</b>', '/relative', 'vbscript:x', 'folio://x']) {
      expect(allowedExternalUrl(bad), bad).toBeNull();
    }
  });
});

describe('doiUrl', () => {
  it('accepts the usual spellings of a DOI', () => {
    expect(doiUrl('10.18653/v1/N19-1423')).toBe('https://doi.org/10.18653/v1/N19-1423');
    expect(doiUrl('doi:10.1000/abc')).toBe('https://doi.org/10.1000/abc');
    expect(doiUrl('https://dx.doi.org/10.1000/abc')).toBe('https://doi.org/10.1000/abc');
  });
  it('rejects text that is not a DOI', () => {
    expect(doiUrl('not a doi')).toBeNull();
    expect(doiUrl('javascript:alert(1)')).toBeNull();
  });
});
