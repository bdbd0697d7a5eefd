import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createWallStore, type WallStore, type WallStoreState } from './wallStore';

/**
 * The wall page's store. Tests and the preview can provide their own through
 * WallStoreProvider. It subscribes to no figure before its layout is known (see
 * WallStoreState.beforeLayout).
 */
export const defaultWallStore: WallStore = createWallStore({ beforeLayout: 'nothing' });

const WallStoreContext = createContext<WallStore>(defaultWallStore);

export function WallStoreProvider({ store, children }: { store: WallStore; children: ReactNode }) {
  return <WallStoreContext.Provider value={store}>{children}</WallStoreContext.Provider>;
}

export function useWallStore(): WallStore {
  return useContext(WallStoreContext);
}

/** Subscribe a component to one slice of the store; it re-renders when that slice changes. */
export function useWall<T>(selector: (state: WallStoreState) => T): T {
  return useStore(useWallStore().api, selector);
}

/**
 * A prepared briefing scene is mounted before its commit, with its own province: the
 * tiles of that hidden scene read it from here instead of the view on screen. undefined:
 * no override (the store's view).
 */
const SceneProvinceContext = createContext<string | null | undefined>(undefined);

export function SceneProvince({ province, children }: { province: string | null | undefined; children: ReactNode }) {
  return <SceneProvinceContext.Provider value={province}>{children}</SceneProvinceContext.Provider>;
}

/** The province the briefing view drills into for this scene (shared/wall/view.ts), or null: national. */
export function useViewProvince(): string | null {
  const override = useContext(SceneProvinceContext);
  const live = useWall((s) => s.view?.province ?? null);
  return override === undefined ? live : override;
}
