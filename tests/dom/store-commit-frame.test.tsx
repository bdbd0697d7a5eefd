import { afterEach, describe, expect, it } from 'vitest';
import { useWall, WallStoreProvider } from '../../renderer/store/context';
import { createWallStore } from '../../renderer/store/wallStore';
import { observation, seededSnapshot } from './fixtures';
import { cleanup, render } from './render';

/**
 * Update → paint (issue 12): the store commits once per animation frame, in that frame's
 * callback, and the wall's React tree must show the commit in that SAME frame: React 19
 * renders a store update read through useWall (zustand's useSyncExternalStore) on the sync
 * lane, in a microtask of the callback, so the DOM has changed before the frame's style,
 * layout and paint. Were it deferred to a later task (a transition, a deferred value, a
 * scheduler task), the figure would wait a whole frame more. Checked here without act(),
 * which would hide React's own scheduling.
 */
afterEach(() => cleanup());

function Figure() {
  const value = useWall((s) => s.observations['GDP_GROWTH|VN|2026']?.value ?? null);
  return <span data-field="value">{value === null ? '—' : String(value)}</span>;
}

const change = (seq: number, value: number) => ({
  seq,
  changes: [{ seq, kind: 'observation' as const, observation: observation('GDP_GROWTH', '2026', value, { vintage: new Date(Date.UTC(2026, 1, 1) + seq * 1000).toISOString() }) }],
});

describe('store: a frame\'s commit is in that frame\'s DOM', () => {
  it('the DOM shows the flushed figure after the callback\'s microtasks, before any later task; many batches, one commit', async () => {
    const frames: (() => void)[] = [];
    const store = createWallStore({ schedule: (flush) => (frames.push(flush), () => undefined) });
    store.ingestSnapshot(seededSnapshot(100));
    frames.shift()!();
    const { container } = render(
      <WallStoreProvider store={store}>
        <Figure />
      </WallStoreProvider>,
    );
    const shown = () => container.querySelector('[data-field="value"]')!.textContent;
    const act = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    act.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      const commits = store.api.getState().commits;
      store.ingestChanges(change(101, 7.1));
      store.ingestChanges(change(102, 7.2));
      expect(frames).toHaveLength(1); // one frame asked for, for both batches
      expect(shown()).not.toBe('7.2');
      // The frame: the store's callback, then the microtasks queued in it.
      let inSameTask: string | null = null;
      let laterTask = false;
      setTimeout(() => (laterTask = true), 0);
      frames.shift()!();
      await new Promise<void>((resolve) =>
        queueMicrotask(() => {
          inSameTask = shown();
          resolve();
        }),
      );
      expect(laterTask).toBe(false);
      expect(inSameTask).toBe('7.2');
      expect(store.api.getState().commits).toBe(commits + 1);
    } finally {
      act.IS_REACT_ACT_ENVIRONMENT = true;
    }
  });
});
