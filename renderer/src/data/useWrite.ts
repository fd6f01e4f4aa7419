import { useCallback } from 'react';
import { LockedError } from '../db/lock';
import { useToast } from '../ui';

/** Runs a write started by a person and tells them when it was refused (定稿) or failed. */
export function useWrite(): (write: Promise<unknown>) => void {
  const toast = useToast();
  return useCallback(
    (write: Promise<unknown>) => {
      write.catch((e: unknown) => {
        console.warn(e);
        toast(e instanceof LockedError ? e.message : `保存失败：${e instanceof Error ? e.message : String(e)}`, 'error');
      });
    },
    [toast],
  );
}
