import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/*
 * The checks every loopback listener makes before anything else (the web host today; the browser connector's
 * port uses the same ones). Each is a small pure function of the request, so a new listener composes them.
 */

/** The names a loopback listener answers to: a page served from another name (DNS rebinding) is refused. */
export function loopbackHostAllowed(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}

/**
 * No Origin (a top-level navigation, a same-origin GET) or our own origin. Anything else, `null` included
 * (sandboxed frames, file:// pages), is another site's page talking to us.
 */
export function loopbackOriginAllowed(origin: string | undefined, port: number, allowed: readonly string[] = []): boolean {
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}` || allowed.includes(origin);
}

/** Compares a per-run secret in constant time. */
export function sameToken(expected: Buffer, given: string | null | undefined): boolean {
  if (!given) return false;
  const buf = Buffer.from(given);
  return buf.length === expected.length && timingSafeEqual(buf, expected);
}

/** Host and Origin together, for the request as Node parsed it. */
export function loopbackRequestAllowed(req: IncomingMessage, port: number, allowedOrigins: readonly string[] = []): boolean {
  return loopbackHostAllowed(req.headers.host, port) && loopbackOriginAllowed(req.headers.origin, port, allowedOrigins);
}
