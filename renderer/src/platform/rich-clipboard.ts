import { copyText } from './index.ts';

/**
 * Puts both a plain-text and an HTML flavour on the clipboard, so a word
 * processor pastes formatted references and a text editor plain ones. Falls
 * back to text only where ClipboardItem is missing or refused; says which.
 */
export async function copyTextAndHtml(text: string, html: string): Promise<'both' | 'text'> {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        }),
      ]);
      return 'both';
    } catch {
      // Some hosts refuse rich writes (permissions, an unfocused page): plain text still helps.
    }
  }
  await copyText(text);
  return 'text';
}
