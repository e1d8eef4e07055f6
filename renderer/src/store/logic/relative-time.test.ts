import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time.ts';

const NOW = Date.parse('2026-03-10T12:00:00.000Z');
const ago = (ms: number): string => new Date(NOW - ms).toISOString();

describe('relative times', () => {
  it('counts seconds, minutes, hours and days', () => {
    expect(relativeTime(ago(1_000), NOW)).toBe('just now');
    expect(relativeTime(ago(12_400), NOW)).toBe('12 s ago');
    expect(relativeTime(ago(3 * 60_000 + 5_000), NOW)).toBe('3 min ago');
    expect(relativeTime(ago(2 * 3_600_000), NOW)).toBe('2 h ago');
    expect(relativeTime(ago(30 * 3_600_000), NOW)).toBe('yesterday');
    expect(relativeTime(ago(4 * 86_400_000), NOW)).toBe('4 days ago');
    expect(relativeTime(ago(40 * 86_400_000), NOW)).toMatch(/^on /);
  });

  it('reads a time slightly in the future (a fast clock) as just now, and a bad one as unknown', () => {
    expect(relativeTime(new Date(NOW + 30_000).toISOString(), NOW)).toBe('just now');
    expect(relativeTime('not a date', NOW)).toBe('at an unknown time');
  });
});
