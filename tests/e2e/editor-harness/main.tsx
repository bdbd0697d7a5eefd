// Must stay the first import: it configures zod before any schema module is evaluated.
import '../../../renderer/zod-jitless';
import { StrictMode, useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import '../../../renderer/theme/base.css';
import type { Layout } from '../../../shared/layout/schema';
import type { WallProfile } from '../../../shared/wall/profile';
import { configureEndpoint } from '../../../renderer/api/endpoint';
import { connectWall } from '../../../renderer/feed/socket';
import { defaultWallStore, WallStoreProvider } from '../../../renderer/store/context';
import { editorDataFromStore, LayoutEditor, publishWarnings, type Warning } from '../../../renderer/console/editor';

/**
 * A test-only page that mounts the console's layout editor without the console: the wall
 * token from the fragment, the real feed into the store (live data), the wall's current
 * profile and layout as the starting point. It shows what a test needs on `window.editorHarness`.
 * Built by tests/e2e/support/editor-harness.ts; never shipped.
 */
declare global {
  interface Window {
    editorHarness?: { layout: Layout; changes: number; warnings(): Warning[] };
  }
}

const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
const serverUrl = location.origin;
configureEndpoint({ serverUrl, token });
const store = defaultWallStore;
connectWall({ serverUrl, token, screenId: 'all', store });

function Harness({ profile, initial }: { profile: WallProfile; initial: Layout }) {
  const [layout, setLayout] = useState(initial);
  const onChange = useCallback(
    (next: Layout) => {
      setLayout(next);
      const h = window.editorHarness!;
      h.layout = next;
      h.changes += 1;
    },
    [],
  );
  return (
    <div style={{ position: 'fixed', inset: 0 }}>
      <LayoutEditor layout={layout} profile={profile} onChange={onChange} />
    </div>
  );
}

const root = createRoot(document.getElementById('root')!);
const unsubscribe = store.api.subscribe((state) => {
  if (!state.wall) return;
  unsubscribe();
  const { profile, layout } = state.wall;
  window.editorHarness = { layout, changes: 0, warnings: () => publishWarnings(window.editorHarness!.layout, profile, editorDataFromStore(store.api.getState())) };
  root.render(
    <StrictMode>
      <WallStoreProvider store={store}>
        <Harness profile={profile} initial={layout} />
      </WallStoreProvider>
    </StrictMode>,
  );
});
