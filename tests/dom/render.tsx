import { act, type ReactNode } from 'react';
import { vi } from 'vitest';
import { createRoot, type Root } from 'react-dom/client';

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

export const field = (scope: ParentNode, name: string): HTMLElement | null => scope.querySelector(`[data-field="${name}"]`);
export const text = (scope: ParentNode, name: string): string | null => field(scope, name)?.textContent ?? null;

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
