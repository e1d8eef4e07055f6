/** "12 s ago", "3 min ago", "2 h ago", "yesterday", "3 days ago", then a date: how long ago something happened. */
export function relativeTime(iso: string, nowMs: number): string {
  const then = Date.parse(iso);
  if (!Number.isFinite(then)) return 'at an unknown time';
  // A device clock a little ahead of ours must not read as "in 3 s".
  const seconds = Math.max(0, Math.floor((nowMs - then) / 1000));
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  return `on ${new Date(then).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })}`;
}
