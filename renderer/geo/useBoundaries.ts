import { useSyncExternalStore } from 'react';
import { pageBoundaryLoader, type BoundaryState } from './boundaries';

/** The page's province boundaries as React state: loading, ready (prepared) or failed (retrying). */
export function useProvinceBoundaries(): BoundaryState {
  const loader = pageBoundaryLoader();
  return useSyncExternalStore(loader.subscribe, loader.getState, loader.getState);
}
