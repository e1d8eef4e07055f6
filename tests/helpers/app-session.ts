import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from './chromium.ts';
import { startWebHostProcess, type RunningHost } from './web-host-process.ts';

/**
 * A failed request of the window while its host was stopped: refused, or (when the stop and the request cross) a
 * socket that was no longer connected. Tests that stop the host drop these, and only these.
 */
export const hostAwayError = (message: string): boolean =>
  message.includes('net::ERR_CONNECTION_REFUSED') || message.includes('net::ERR_SOCKET_NOT_CONNECTED');

/** The real app for an end-to-end test: the web host on a library folder, and Chromium showing it. */
export interface AppSession {
  readonly library: string;
  host: RunningHost;
  browser: Browser;
  page: Page;
  /** Stops the host (as a user quitting would) and starts it again on the same library; the page reloads. */
  restartHost(): Promise<number | null>;
  close(): Promise<void>;
}

export async function openApp(library: string, options: { colorScheme?: 'light' | 'dark'; clipboard?: boolean } = {}): Promise<AppSession> {
  const host = await startWebHostProcess(library);
  const browser = await openBrowser(options.colorScheme ? { colorScheme: options.colorScheme } : {});
  if (options.clipboard) {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin });
  }
  const session: AppSession = {
    library,
    host,
    browser,
    page: browser.page,
    async restartHost() {
      const code = await session.host.stop();
      session.host = await startWebHostProcess(library);
      await session.page.goto(session.host.url);
      // In the DOM once the window is up; hidden when a restored reader tab is in front.
      await session.page.getByTestId('sidebar').waitFor({ state: 'attached' });
      return code;
    },
    async close() {
      await session.browser.close();
      await session.host.stop();
    },
  };
  await session.page.goto(host.url);
  await session.page.getByTestId('sidebar').waitFor();
  return session;
}
