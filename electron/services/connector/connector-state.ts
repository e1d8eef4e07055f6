import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { SaveResponse } from '../../../shared/api/connector-protocol.ts';
import { writeFileAtomic } from '../library-store/write-file-atomic.ts';

/** How many answered saves are remembered for their idempotency keys (a queue holds far fewer). */
const MAX_DELIVERIES = 2000;

const stateSchema = z.object({
  version: z.literal(1),
  /** Tokens are kept only as SHA-256 hashes: reading this file does not let anyone pose as the extension. */
  pairings: z.array(z.object({ origin: z.string(), tokenSha256: z.string(), pairedAt: z.string() })),
  deliveries: z.array(z.object({ key: z.string(), at: z.string(), response: z.unknown() })),
});
type StateDoc = z.infer<typeof stateSchema>;

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * `<library>/connector.json`: the paired extensions and the answers to recent saves. Written atomically;
 * a file that cannot be read is never written over (it is reported, and pairing starts from none in memory).
 * Null path: memory only (the CLI, tests).
 */
export class ConnectorState {
  private doc: StateDoc = { version: 1, pairings: [], deliveries: [] };
  private loaded: Promise<void> | null = null;
  private readable = true;
  private writing: Promise<void> = Promise.resolve();
  readonly warnings: string[] = [];

  private readonly path: string | null;

  constructor(path: string | null) {
    this.path = path;
  }

  private load(): Promise<void> {
    this.loaded ??= (async () => {
      if (!this.path) return;
      let text: string;
      try {
        text = await readFile(this.path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        this.readable = false;
        this.warnings.push(`${this.path}: cannot read (${(error as Error).message}); pairings made now last until Folio quits`);
        return;
      }
      try {
        this.doc = stateSchema.parse(JSON.parse(text));
      } catch (error) {
        this.readable = false;
        this.warnings.push(`${this.path}: not a connector state file (${(error as Error).message.split('\n')[0]}); left as it is`);
      }
    })();
    return this.loaded;
  }

  private save(): Promise<void> {
    if (!this.path || !this.readable) return Promise.resolve();
    const path = this.path;
    const text = `${JSON.stringify(this.doc, null, 1)}\n`;
    this.writing = this.writing.then(() => writeFileAtomic(path, text));
    return this.writing;
  }

  async isPaired(token: string, origin: string): Promise<boolean> {
    await this.load();
    const hash = tokenHash(token);
    return this.doc.pairings.some((p) => p.tokenSha256 === hash && p.origin === origin);
  }

  async addPairing(token: string, origin: string, now: string): Promise<void> {
    await this.load();
    this.doc.pairings.push({ origin, tokenSha256: tokenHash(token), pairedAt: now });
    await this.save();
  }

  async delivery(key: string): Promise<SaveResponse | null> {
    await this.load();
    const found = this.doc.deliveries.find((d) => d.key === key);
    return found ? (found.response as SaveResponse) : null;
  }

  async recordDelivery(key: string, response: SaveResponse, now: string): Promise<void> {
    await this.load();
    this.doc.deliveries = [...this.doc.deliveries.filter((d) => d.key !== key), { key, at: now, response }].slice(-MAX_DELIVERIES);
    await this.save();
  }

  async flush(): Promise<void> {
    await this.writing;
  }
}
