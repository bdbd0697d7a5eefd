import { useEffect, useState } from 'react';
import { messages } from '../../shared/i18n';
import { configureEndpoint } from '../api/endpoint';
import { connectWall } from '../feed/socket';
import { defaultWallStore, WallStoreProvider } from '../store/context';
import { isConnected, type WallStore } from '../store/wallStore';
import { forgetToken, resolveBootConfig, statusReporter, storeToken, type BootConfig } from './boot';
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

  useEffect(() => {
    if (phase.kind !== 'running') return;
    const { config, token } = phase;
    configureEndpoint({ serverUrl: config.serverUrl, token });
    const connection = connectWall({
      serverUrl: config.serverUrl,
      token,
      screenId: config.screenId,
      store,
      onUnauthorized: () => {
        rendererLog.error('the server rejected the access token', { code: 'auth.token_invalid' });
        forgetToken(window);
        setPhase({ kind: 'need-token', config, rejected: true });
      },
    });
    return () => {
      connection.close();
      configureEndpoint(null);
    };
  }, [phase, store]);

  // Tell the display agent how this window is doing (only when it changes).
  const bridge = phase.kind === 'running' ? phase.config.bridge : null;
  useEffect(() => {
    if (!bridge) return;
    const report = statusReporter(bridge);
    const send = () => {
      const s = store.api.getState();
      report({ connected: isConnected(s.connection), lastSeq: s.lastSeq, layoutId: s.wall?.layout.id ?? null });
    };
    send();
    return store.api.subscribe(send);
  }, [bridge, store]);

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
      body = <WallView screenId={phase.config.screenId} />;
      break;
  }
  return <WallStoreProvider store={store}>{body}</WallStoreProvider>;
}
