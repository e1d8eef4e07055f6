/**
 * Hybrid logical clock: wall milliseconds, a counter, and the device id. Encoded as a fixed-width string, so
 * string order is the total order (wall, counter, device) every device agrees on.
 *
 * A clock that is wrong by hours cannot reorder a device's own changes: `tick` never goes below the last
 * timestamp it issued or received, and `receive` advances past every timestamp seen.
 */

export interface HlcParts {
  wall: number;
  counter: number;
  device: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
/** Device ids: what a folder name may safely be on every file system. */
export const DEVICE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}$/;
const HLC_PATTERN = /^(\d{15})-(\d{6})-([a-z0-9][a-z0-9-]{2,63})$/;

export function encodeHlc(parts: HlcParts): string {
  return `${String(parts.wall).padStart(WALL_DIGITS, '0')}-${String(parts.counter).padStart(COUNTER_DIGITS, '0')}-${parts.device}`;
}

export function parseHlc(text: string): HlcParts | null {
  const m = HLC_PATTERN.exec(text);
  if (!m) return null;
  return { wall: Number(m[1]), counter: Number(m[2]), device: m[3] as string };
}

export function isHlc(text: unknown): text is string {
  return typeof text === 'string' && HLC_PATTERN.test(text);
}

/** The device part of a timestamp. */
export function hlcDevice(ts: string): string {
  return ts.slice(WALL_DIGITS + COUNTER_DIGITS + 2);
}

/** Wall milliseconds of a timestamp (the time a history shows). */
export function hlcWall(ts: string): number {
  return Number(ts.slice(0, WALL_DIGITS));
}

export class HybridClock {
  private wall = 0;
  private counter = 0;
  readonly device: string;
  private readonly physical: () => number;

  constructor(device: string, physical: () => number = Date.now, last?: string | null) {
    if (!DEVICE_ID_PATTERN.test(device)) throw new Error(`Not a device id: ${device}`);
    this.device = device;
    this.physical = physical;
    if (last) this.receive(last);
  }

  /** A new timestamp, later than every one issued or received so far. */
  tick(): string {
    const now = this.physical();
    if (now > this.wall) {
      this.wall = now;
      this.counter = 0;
    } else {
      this.bump();
    }
    return encodeHlc({ wall: this.wall, counter: this.counter, device: this.device });
  }

  /** Advances past a timestamp seen from another device (or read back from this device's own log). */
  receive(ts: string): void {
    const parts = parseHlc(ts);
    if (!parts) return;
    if (parts.wall > this.wall) {
      this.wall = parts.wall;
      this.counter = parts.counter;
    } else if (parts.wall === this.wall && parts.counter > this.counter) {
      this.counter = parts.counter;
    }
  }

  /** The latest timestamp issued or received (for persisting). */
  last(): string {
    return encodeHlc({ wall: this.wall, counter: this.counter, device: this.device });
  }

  private bump(): void {
    if (this.counter < MAX_COUNTER) {
      this.counter += 1;
    } else {
      // A million changes in one millisecond of logical time: move the logical wall on instead.
      this.wall += 1;
      this.counter = 0;
    }
  }
}
