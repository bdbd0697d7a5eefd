import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { WallStoreState } from '../../store/wallStore';
import { useWallStore } from '../../store/context';
import { sameItems } from './chart-series';

/**
 * A widget's model derived from the store: `read` picks the figures it depends on (as a
 * flat list of objects that live in the state: period lists, observations, metadata),
 * `build` turns them (and the state they were read from) into the model. The model is
 * rebuilt only when one of those objects (or a dependency in `deps`) is a different one,
 * and the component re-renders only then: the store commits once per animation frame, and
 * a commit that touches other indicators costs this widget one cheap `read`, no render.
 */
export function useWallDerived<M>(
  read: (state: WallStoreState) => readonly unknown[],
  build: (inputs: readonly unknown[], state: WallStoreState) => M,
  deps: readonly unknown[],
): M {
  const store = useWallStore();
  const cache = useRef<{ inputs: readonly unknown[]; deps: readonly unknown[]; model: M } | null>(null);
  const readRef = useRef(read);
  const buildRef = useRef(build);
  readRef.current = read;
  buildRef.current = build;
  const getSnapshot = useCallback(() => {
    const state = store.api.getState();
    const inputs = readRef.current(state);
    const c = cache.current;
    if (c && sameItems(c.deps, deps) && sameItems(c.inputs, inputs)) return c.model;
    const model = buildRef.current(inputs, state);
    cache.current = { inputs, deps, model };
    return model;
  }, [store, ...deps]);
  return useSyncExternalStore(store.api.subscribe, getSnapshot, getSnapshot);
}
