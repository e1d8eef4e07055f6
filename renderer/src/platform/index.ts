import type { FolioBridge } from '../../../shared/api/folio-api.ts';
import { allowedExternalUrl } from './external-links.ts';
import { createWebBridge, webAttachmentUrl } from './host-web.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent under the web host. */
    folio?: FolioBridge;
  }
}

export type HostKind = 'electron' | 'web';

let bridge: FolioBridge | null = null;

/** The API, chosen once: the preload's bridge under Electron, otherwise the loopback HTTP client. */
export function getFolio(): FolioBridge {
  bridge ??= window.folio ?? createWebBridge();
  return bridge;
}

export function hostKind(): HostKind {
  return window.folio ? 'electron' : 'web';
}

/**
 * Where the window reads an attachment's bytes (the reader's PDF): the web host's token-checked
 * attachments route, or the same path on Electron's folio:// origin. Never a file:// URL.
 */
export function attachmentFileUrl(path: string): string {
  if (hostKind() === 'web') return webAttachmentUrl(path);
  return `/attachments/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** Saves text through the host's save dialog (Electron) or as a browser download (web). Null when cancelled. */
export function saveTextFile(suggestedName: string, text: string): Promise<string | null> {
  return getFolio().shell.saveTextFile(suggestedName, text);
}

/** Opens a link outside the app, only if it passes the allowlist. Returns false when refused. */
export async function openExternal(url: string): Promise<boolean> {
  const allowed = allowedExternalUrl(url);
  if (!allowed) return false;
  await getFolio().shell.openExternal(allowed);
  return true;
}

/** Puts text on the clipboard; falls back to a hidden textarea where the async API is refused. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch (error) {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    if (!copied) throw error;
  }
}

export { allowedExternalUrl, doiUrl } from './external-links.ts';
export { downloadBase64File } from './save-file.ts';
