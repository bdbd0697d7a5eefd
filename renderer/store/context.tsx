import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createWallStore, type WallStore, type WallStoreState } from './wallStore';

/** The page's store. Tests and the preview can provide their own through WallStoreProvider. */
export const defaultWallStore: WallStore = createWallStore();

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
