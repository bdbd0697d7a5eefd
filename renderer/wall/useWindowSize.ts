import { useSyncExternalStore } from 'react';

export interface WindowSize {
  width: number;
  height: number;
}

let current: WindowSize = { width: 0, height: 0 };

function read(): WindowSize {
  const width = window.innerWidth;
  const height = window.innerHeight;
  if (width !== current.width || height !== current.height) current = { width, height };
  return current;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('resize', listener);
  return () => window.removeEventListener('resize', listener);
}

/** innerWidth × innerHeight in CSS pixels, re-read on every resize. */
export function useWindowSize(): WindowSize {
  return useSyncExternalStore(subscribe, read, read);
}
