import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { useWallStore } from '../../store/context';
import type { WallStoreState } from '../../store/wallStore';
import { selectProvinceSlice, type ProvinceSlice } from './map-data';

/**
 * Reading the 34 provinces' figures of one indicator out of the store. The store commits
 * at most once per animation frame; these helpers pass a commit on only when one of the
 * observations the map shows (or the indicator's metadata, or the period) changed — a
 * new national figure, another indicator or a connection flicker costs 34 lookups, not
 * a repaint.
 */

/**
 * Calls `listener` with the new slice after every commit that changed it, outside React
 * (for canvas and WebGL painters). Returns the unsubscribe and the current slice.
 */
export function subscribeProvinceSlice(
  api: StoreApi<WallStoreState>,
  indicator: string | null,
  period: string | undefined,
  listener: (slice: ProvinceSlice) => void,
): { unsubscribe: () => void; current: ProvinceSlice } {
  let last = selectProvinceSlice(api.getState(), indicator, period);
  const unsubscribe = api.subscribe((state) => {
    const next = selectProvinceSlice(state, indicator, period, last);
    if (next === last) return;
    last = next;
    listener(next);
  });
  return { unsubscribe, current: last };
}

/** The slice as React state: the component re-renders only when the slice changed. */
export function useProvinceSlice(indicator: string | null, period: string | undefined): ProvinceSlice {
  const api = useWallStore().api;
  const cache = useRef<{ key: string; slice: ProvinceSlice } | null>(null);
  const key = `${indicator}|${period ?? ''}`;
  const getSnapshot = useCallback(() => {
    const previous = cache.current?.key === key ? cache.current.slice : undefined;
    const slice = selectProvinceSlice(api.getState(), indicator, period, previous);
    if (slice !== previous) cache.current = { key, slice };
    return slice;
  }, [api, indicator, period, key]);
  return useSyncExternalStore(api.subscribe, getSnapshot, getSnapshot);
}
