import { useEffect, useState } from 'react';
import type { WallStore } from '../../store/wallStore';

/**
 * The store's commit count, updated at most once per `everyMs`: what the warnings depend on
 * besides the layout. Under a live feed the store commits every frame; the warnings (the
 * schema check, legibility, freshness over every tile) need not run that often.
 */
export function useDataVersion(store: WallStore, everyMs = 1000): number {
  const [version, setVersion] = useState(() => store.api.getState().commits);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    setVersion(store.api.getState().commits);
    const unsubscribe = store.api.subscribe(() => {
      timer ??= setTimeout(() => {
        timer = null;
        setVersion(store.api.getState().commits);
      }, everyMs);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store, everyMs]);
  return version;
}
