import { useEffect, useState } from 'react';
import { relativeTime, relativeTimeTick } from '../../store/logic/relative-time.ts';

/** "12 s ago", re-rendered as time passes (every second in the first minute, then every half minute). */
export function useRelativeTime(iso: string | null): string | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (iso === null) return;
    const timer = setTimeout(() => setNow(Date.now()), relativeTimeTick(iso, Date.now()));
    return () => clearTimeout(timer);
  }, [iso, now]);
  return iso === null ? null : relativeTime(iso, now);
}
