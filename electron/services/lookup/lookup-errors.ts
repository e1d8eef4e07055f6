/** Why a lookup failed. `offline` and `unavailable` are worth retrying; the others are answers. */
export type LookupErrorKind = 'not-found' | 'offline' | 'unavailable' | 'bad-response';

export class LookupError extends Error {
  readonly kind: LookupErrorKind;

  constructor(kind: LookupErrorKind, message: string) {
    super(message);
    this.name = 'LookupError';
    this.kind = kind;
  }

  get retryable(): boolean {
    return this.kind === 'offline' || this.kind === 'unavailable';
  }
}
