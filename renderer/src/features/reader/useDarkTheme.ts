import { useEffect, useState } from 'react';

const isDark = (): boolean => document.documentElement.dataset['theme'] === 'dark';

/** Whether the window is dark now (useTheme puts the resolved theme on <html>). */
export function useDarkTheme(): boolean {
  const [dark, setDark] = useState(isDark);
  useEffect(() => {
    const observer = new MutationObserver(() => setDark(isDark()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return dark;
}
