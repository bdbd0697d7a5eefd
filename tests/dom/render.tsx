import { act, type ReactNode } from 'react';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { createRoot, type Root } from 'react-dom/client';
import { acceptSnapshot, acceptWallState } from '../../renderer/feed/ingest';
import { WallStoreProvider } from '../../renderer/store/context';
import { createWallStore, type WallStore } from '../../renderer/store/wallStore';
import { WallView } from '../../renderer/wall/WallView';

/**
 * The jsdom tests' one toolkit: mounting (react-dom's own act, no testing library), the
 * wall as a window shows it, finding tiles and fields, and waiting for network-driven
 * updates. Data to show comes from ./fixtures.ts.
 */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  root: Root;
  rerender(node: ReactNode): void;
  unmount(): void;
}

const mounted = new Set<Rendered>();

/** Mounts a React tree into a fresh container (react-dom's own act; no testing library needed). */
export function render(node: ReactNode): Rendered {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  act(() => root.render(node));
  const rendered: Rendered = {
    container,
    root,
    rerender(next) {
      act(() => root.render(next));
    },
    unmount() {
      if (!mounted.delete(rendered)) return;
      act(() => root.unmount());
      container.remove();
    },
  };
  mounted.add(rendered);
  return rendered;
}

export function cleanup(): void {
  for (const r of [...mounted]) r.unmount();
}

export const field = (scope: ParentNode, name: string): HTMLElement | null => scope.querySelector<HTMLElement>(`[data-field="${name}"]`);
export const text = (scope: ParentNode, name: string): string | null => field(scope, name)?.textContent ?? null;

/**
 * Every test of the file runs at `at` on a fake clock (Date and the timers named; rAF and
 * the rest stay real), and unmounts what it rendered afterwards.
 */
export function atFixedTime(at: number, toFake: ('Date' | 'setTimeout' | 'clearTimeout' | 'setInterval' | 'clearInterval')[] = ['Date', 'setInterval', 'clearInterval']): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake });
    vi.setSystemTime(at);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });
}

/** A wall store that has accepted this snapshot and wall state (a refusal fails the test), flushed. */
export function wallStore(snapshot: unknown, wallState: unknown): WallStore {
  const store = createWallStore({ schedule: () => () => {} });
  expect(acceptSnapshot(store, snapshot), 'the snapshot is accepted').toBe(true);
  expect(acceptWallState(store, wallState), 'the wall state is accepted').toBe(true);
  store.flush();
  return store;
}

/** The real wall view of `store` for one screen, or the whole wall ('all'). */
export function showWall(store: WallStore, screenId = 'all'): Rendered {
  return render(
    <WallStoreProvider store={store}>
      <WallView screenId={screenId} />
    </WallStoreProvider>,
  );
}

/** The mounted tile `id` (a test fails at once when it is not mounted). */
export function tileEl(root: ParentNode, id: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(`[data-tile-id="${id}"]`);
  if (!el) throw new Error(`tile ${id} not rendered`);
  return el;
}

/**
 * Waits for updates driven by the network (a real socket), as a browser would see them:
 * React's act() environment is off while waiting, as Testing Library's waitFor does.
 */
export async function waitUntil(assertion: () => void, timeout = 5000): Promise<void> {
  const env = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  env.IS_REACT_ACT_ENVIRONMENT = false;
  try {
    await vi.waitFor(assertion, { timeout, interval: 20 });
  } finally {
    env.IS_REACT_ACT_ENVIRONMENT = true;
  }
}
