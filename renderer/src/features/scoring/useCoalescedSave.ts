import { useCallback, useEffect, useRef } from 'react';

/**
 * Saves the latest value after a short pause, and at once when the form goes away or
 * the page is hidden: typing “12.5” is one change in the audit log, not four.
 */
export function useCoalescedSave<T>(save: (value: T) => void, delay = 700): (value: T) => void {
  const latest = useRef(save);
  latest.current = save;
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const p = pending.current;
    pending.current = null;
    if (p) latest.current(p.value);
  }, []);
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
      flush();
    };
  }, [flush]);
  return useCallback(
    (value: T) => {
      pending.current = { value };
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, delay);
    },
    [flush, delay],
  );
}
