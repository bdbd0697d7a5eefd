import { useEffect, useState } from 'react';
import { messages } from '../../shared/i18n';
import { useWall } from '../store/context';
import { isConnected } from '../store/wallStore';

/** How long "Đã kết nối" stays up after (re)connecting before the badge fades away. */
export const CONNECTED_VISIBLE_MS = 4_000;

/**
 * A small badge in the corner of each window. Out of sight while all is well; says
 * "Mất kết nối — đang kết nối lại…" while the feed is down (the wall keeps showing its
 * last figures). The preview also shows the layout's title.
 */
export function ConnectionStatus({ preview }: { preview: boolean }) {
  const connection = useWall((s) => s.connection);
  const title = useWall((s) => s.wall?.layout.title);
  const connected = isConnected(connection);
  const everDisconnected = connection.feed === 'disconnected' || connection.control === 'disconnected';
  const [fresh, setFresh] = useState(true);

  useEffect(() => {
    if (!connected) {
      setFresh(true);
      return;
    }
    const left = CONNECTED_VISIBLE_MS - (Date.now() - connection.since);
    if (left <= 0) {
      setFresh(false);
      return;
    }
    setFresh(true);
    const timer = setTimeout(() => setFresh(false), left);
    return () => clearTimeout(timer);
  }, [connected, connection.since]);

  const state = connected ? 'connected' : everDisconnected ? 'disconnected' : 'connecting';
  const text = connected ? messages.connected : everDisconnected ? messages.disconnected : messages.connecting;
  const hidden = connected && !fresh && !preview;

  return (
    <div
      className={`conn-status conn-status--${state}${hidden ? ' conn-status--hidden' : ''}`}
      data-connection={state}
      role="status"
      aria-live="polite"
      title={text.en}
    >
      <span className="conn-status__dot" aria-hidden="true" />
      {preview && title ? (
        <>
          <span className="conn-status__title">{title.vi}</span>
          <span className="conn-status__sep">·</span>
        </>
      ) : null}
      <span className="conn-status__text">{text.vi}</span>
    </div>
  );
}
