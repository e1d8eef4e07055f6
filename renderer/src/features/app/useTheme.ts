import { useEffect } from 'react';
import { useStore } from '../../store/index.ts';

/** Puts data-theme="light|dark" on <html>, following the OS when the choice is "system". */
export function useTheme(): void {
  const theme = useStore((s) => s.theme);
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const resolved = theme === 'system' ? (media.matches ? 'dark' : 'light') : theme;
      document.documentElement.dataset['theme'] = resolved;
      document.documentElement.style.colorScheme = resolved;
    };
    apply();
    if (theme !== 'system') return;
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}

export function useDocumentTitle(): void {
  const name = useStore((s) => s.info?.name);
  useEffect(() => {
    document.title = name ? `Folio — ${name}` : 'Folio';
  }, [name]);
}
