import { useEffect, useState } from 'react';
import { messages } from '../../shared/i18n';
import { configureEndpoint } from '../api/endpoint';
import { connectWall } from '../feed/socket';
import { defaultWallStore, WallStoreProvider } from '../store/context';
import { keepLastGood, lastGoodKey, openLastGoodDb, restoreLastGood } from '../offline/last-good';
import { registerWallServiceWorker } from '../offline/service-worker';
import type { WallStore } from '../store/wallStore';
import { forgetToken, resolveBootConfig, storeToken, type BootConfig } from './boot';
import { browserDisplay, browserHostId, browserHostName, browserReport, browserWindow, readScreen } from './fleet';
import { heapMb, startFrameMonitor, startHeartbeat } from './heartbeat';
import { Notice } from './Notice';
import { TokenForm } from './TokenForm';
import { WallView } from './WallView';
import { rendererLog } from '../log';

type Phase =
  | { kind: 'booting' }
  | { kind: 'failed'; error: string }
  | { kind: 'need-token'; config: BootConfig; rejected: boolean }
  | { kind: 'running'; config: BootConfig; token: string };

/** Boot → (token form) → live wall. Owns the one connection of this window. */
export function App({ store = defaultWallStore }: { store?: WallStore }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'booting' });

  useEffect(() => {
    let alive = true;
    resolveBootConfig(window).then(
      (config) => {
        if (!alive) return;
        setPhase(config.token ? { kind: 'running', config, token: config.token } : { kind: 'need-token', config, rejected: false });
      },
      (error: unknown) => {
        rendererLog.error('boot failed', { err: error });
        if (alive) setPhase({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      alive = false;
    };
  }, []);

  // The last good wall from disk first, so the feed resumes from its seq; then the live connection.
  useEffect(() => {
    if (phase.kind !== 'running') return;
    const { config, token } = phase;
    let cancelled = false;
    let connection: { close(): void } | null = null;
    let stopKeeping: (() => void) | null = null;
    let closeDb: (() => void) | null = null;
    // A page in a browser is a member of the fleet (renderer/wall/fleet.ts); under the agent, the agent reports.
    const frames = config.source === 'browser' ? startFrameMonitor(window) : null;
    const fleet = frames
      ? (() => {
          let storage: Storage | null = null;
          try {
            storage = window.localStorage;
          } catch {
            // Blocked storage: a host id for this page only.
          }
          const hostId = browserHostId(storage);
          const platform = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform;
          const hostName = browserHostName(hostId, platform);
          return () =>
            browserReport({
              hostId,
              hostName,
              display: browserDisplay(readScreen(window)),
              window: browserWindow(store.api.getState(), config.screenId, frames.takeFps(), heapMb(window), Date.now()),
            });
        })()
      : undefined;
    configureEndpoint({ serverUrl: config.serverUrl, token });
    if (config.source === 'browser') void registerWallServiceWorker(window);
    const key = lastGoodKey(config.serverUrl, config.screenId);
    void (async () => {
      const db = await openLastGoodDb();
      if (cancelled) {
        db?.close();
        return;
      }
      if (db) {
        closeDb = () => db.close();
        await restoreLastGood(store, db, key);
        if (cancelled) return;
        stopKeeping = keepLastGood(store, db, key);
      }
      connection = connectWall({
        serverUrl: config.serverUrl,
        token,
        screenId: config.screenId,
        store,
        ...(fleet ? { fleet } : {}),
        onUnauthorized: () => {
          rendererLog.error('the server rejected the access token', { code: 'auth.token_invalid' });
          forgetToken(window);
          setPhase({ kind: 'need-token', config, rejected: true });
        },
      });
    })();
    return () => {
      cancelled = true;
      connection?.close();
      frames?.stop();
      stopKeeping?.();
      closeDb?.();
      configureEndpoint(null);
    };
  }, [phase, store]);

  // Tell the display agent how this window is doing: on change, and as a heartbeat.
  useEffect(() => startHeartbeat(window.toancanh ?? null, store, window), [store]);

  let body;
  switch (phase.kind) {
    case 'booting':
      body = <Notice text={messages.connecting} />;
      break;
    case 'failed':
      body = <Notice text={messages.bootFailed}>{phase.error}</Notice>;
      break;
    case 'need-token':
      body = (
        <TokenForm
          rejected={phase.rejected}
          screenId={phase.config.screenId}
          onSubmit={(token) => {
            storeToken(window, token);
            setPhase({ kind: 'running', config: phase.config, token });
          }}
        />
      );
      break;
    case 'running':
      body = <WallView screenId={phase.config.screenId} agent={phase.config} />;
      break;
  }
  return <WallStoreProvider store={store}>{body}</WallStoreProvider>;
}
