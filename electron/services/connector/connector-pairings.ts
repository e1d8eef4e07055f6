import { randomBytes, randomInt } from 'node:crypto';
import { FolioError } from '../../../shared/api/api-error.ts';
import type { PairingPrompt } from '../../../shared/api/connector-types.ts';
import type { PairStatusResponse } from '../../../shared/api/connector-protocol.ts';
import { ConnectorState } from './connector-state.ts';

/** A pairing not answered in this time expires; the extension can ask again. */
const PAIRING_TTL_MS = 5 * 60 * 1000;
/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L). */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

interface Pending {
  prompt: PairingPrompt;
  /** What the extension holds to poll; never shown in the window. */
  pairingId: string;
  state: PairStatusResponse['state'];
  token: string | null;
  expiresAt: number;
}

function shortCode(): string {
  const chars = Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 3).join('')}-${chars.slice(3).join('')}`;
}

/**
 * Pairing of browser extensions: an extension asks, the window shows the prompt, and only the user's
 * click there mints a token. One prompt at a time: a newer request replaces an older one.
 */
export class ConnectorPairings {
  readonly state: ConnectorState;
  private current: Pending | null = null;
  private readonly byPairingId = new Map<string, Pending>();
  private readonly listeners = new Set<(prompt: PairingPrompt | null) => void>();
  private readonly clock: () => number;

  constructor(statePath: string | null, clock: () => number = Date.now) {
    this.state = new ConnectorState(statePath);
    this.clock = clock;
  }

  onPrompt(listener: (prompt: PairingPrompt | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private announce(): void {
    const prompt = this.pending();
    for (const listener of this.listeners) listener(prompt);
  }

  private expire(): void {
    const now = this.clock();
    for (const [id, entry] of this.byPairingId) {
      if (entry.expiresAt > now) continue;
      if (entry.state === 'pending') entry.state = 'expired';
      // Kept a little longer than the prompt so a late poll learns "expired" rather than nothing.
      if (entry.expiresAt + PAIRING_TTL_MS < now) this.byPairingId.delete(id);
    }
    if (this.current && this.current.state !== 'pending') this.current = null;
  }

  /** An extension (already checked to be one, by its Origin) asks to pair. */
  request(origin: string): { pairingId: string; code: string } {
    this.expire();
    if (this.current?.state === 'pending') this.current.state = 'expired';
    const entry: Pending = {
      prompt: { id: randomBytes(9).toString('base64url'), code: shortCode(), origin, requestedAt: new Date(this.clock()).toISOString() },
      pairingId: randomBytes(24).toString('base64url'),
      state: 'pending',
      token: null,
      expiresAt: this.clock() + PAIRING_TTL_MS,
    };
    this.byPairingId.set(entry.pairingId, entry);
    this.current = entry;
    this.announce();
    return { pairingId: entry.pairingId, code: entry.prompt.code };
  }

  pending(): PairingPrompt | null {
    this.expire();
    return this.current?.state === 'pending' ? this.current.prompt : null;
  }

  /** The window's answer. Allowing mints the token and remembers the extension. */
  async answer(promptId: string, allow: boolean): Promise<void> {
    this.expire();
    const entry = this.current;
    if (!entry || entry.prompt.id !== promptId || entry.state !== 'pending') {
      throw new FolioError('NOT_FOUND', 'This pairing request is no longer waiting (it expired or was answered)');
    }
    if (allow) {
      const token = randomBytes(32).toString('base64url');
      await this.state.addPairing(token, entry.prompt.origin, new Date(this.clock()).toISOString());
      entry.token = token;
      entry.state = 'allowed';
    } else {
      entry.state = 'refused';
    }
    this.current = null;
    this.announce();
  }

  /** The extension's poll, from the same Origin that asked. The token is handed over once. */
  status(pairingId: string, origin: string): PairStatusResponse {
    this.expire();
    const entry = this.byPairingId.get(pairingId);
    if (!entry || entry.prompt.origin !== origin) return { state: 'expired' };
    if (entry.state === 'allowed' && entry.token) {
      const token = entry.token;
      this.byPairingId.delete(pairingId);
      return { state: 'allowed', token };
    }
    return { state: entry.state };
  }
}
