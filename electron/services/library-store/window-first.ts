/**
 * The window's calls come first. A long background pass on the host's main thread (the change history loaded after
 * the library opens: a 190 MB log and replica at 50k items, tens of seconds of work in slices) steps aside while a
 * window is being answered, so a keystroke's query does not wait behind its slices and the garbage they make. Calls
 * are noted as they begin (never counted while in flight: a call that itself waits for the pass must not stop it),
 * and a pass waits at most MAX_WAIT_MS before its next slice, so it always ends.
 */

/** A window quiet for this long is not typing: background work goes on. */
const QUIET_MS = 200;
const MAX_WAIT_MS = 250;

let lastCallAt = -Infinity;

/** A window's API call began (the web host's and the Electron IPC handler's). */
export function noteWindowCall(): void {
  lastCallAt = performance.now();
}

/** Resolves once no window call began for QUIET_MS, or after MAX_WAIT_MS at most. */
export async function windowQuiet(): Promise<void> {
  const start = performance.now();
  for (;;) {
    const now = performance.now();
    const quietFor = now - lastCallAt;
    const waited = now - start;
    if (quietFor >= QUIET_MS || waited >= MAX_WAIT_MS) return;
    await new Promise<void>((resolve) => setTimeout(resolve, Math.min(QUIET_MS - quietFor, MAX_WAIT_MS - waited)));
  }
}
