import { describe, expect, it } from 'vitest';
import { HybridClock, encodeHlc, hlcDevice, hlcWall, parseHlc } from './hlc.ts';

describe('hybrid logical clock', () => {
  it('orders by wall, then counter, then device, as strings', () => {
    const a = encodeHlc({ wall: 5, counter: 2, device: 'dev-a' });
    const b = encodeHlc({ wall: 5, counter: 10, device: 'dev-a' });
    const c = encodeHlc({ wall: 5, counter: 10, device: 'dev-b' });
    const d = encodeHlc({ wall: 6, counter: 0, device: 'dev-a' });
    expect([d, c, a, b].sort()).toEqual([a, b, c, d]);
    expect(parseHlc(c)).toEqual({ wall: 5, counter: 10, device: 'dev-b' });
    expect(hlcDevice(c)).toBe('dev-b');
    expect(hlcWall(d)).toBe(6);
  });

  it('never goes backwards when the wall clock does', () => {
    let now = 1_000_000;
    const clock = new HybridClock('dev-a', () => now);
    const first = clock.tick();
    now -= 3 * 3600_000;
    const second = clock.tick();
    expect(second > first).toBe(true);
  });

  it('advances past a timestamp from a clock hours ahead', () => {
    const ahead = new HybridClock('dev-b', () => 10 * 3600_000);
    const behind = new HybridClock('dev-a', () => 1000);
    const remote = ahead.tick();
    behind.receive(remote);
    expect(behind.tick() > remote).toBe(true);
  });

  it('resumes after the last persisted timestamp', () => {
    const clock = new HybridClock('dev-a', () => 5, encodeHlc({ wall: 99, counter: 3, device: 'dev-a' }));
    expect(clock.tick()).toBe(encodeHlc({ wall: 99, counter: 4, device: 'dev-a' }));
  });

  it('rejects ids that cannot be folder names', () => {
    expect(() => new HybridClock('../etc')).toThrow();
    expect(parseHlc('000000000000001-000000-../x')).toBeNull();
  });
});
