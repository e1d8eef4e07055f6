import { describe, expect, it, vi } from 'vitest';

const opened: string[] = [];
vi.mock('electron', () => ({ shell: { openExternal: vi.fn(async (url: string) => { opened.push(url); }) } }));

const { openExternal, toExternalUrl } = await import('./external-links.ts');

describe('openExternal allowlist', () => {
  it('opens https, http, mailto and DOIs', async () => {
    await openExternal('https://arxiv.org/abs/1706.03762');
    await openExternal('mailto:someone@example.org');
    await openExternal('doi:10.1145/3292500.3330701');
    expect(opened).toEqual(['https://arxiv.org/abs/1706.03762', 'mailto:someone@example.org', 'https://doi.org/10.1145/3292500.3330701']);
  });

  it('refuses javascript:, file:, data: and garbage', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<script>x</script>', 'vbscript:x', 'not a url', 'smb://host/share']) {
      expect(() => toExternalUrl(url)).toThrow(/Folio does not open|Not a link/);
    }
  });
});
