import { useEffect, useState } from 'react';
import { messages, offlineSince } from '../../shared/i18n';
import { useWall } from '../store/context';
import { isConnected } from '../store/wallStore';

/** How long "Đã kết nối" stays up after (re)connecting before the badge fades away. */
export const CONNECTED_VISIBLE_MS = 4_000;

/**
 * A small badge in the corner of each window. Out of sight while all is well. While the
 * server cannot be reached and the wall shows figures it kept (live ones from before the
 * cut, or the last good state from disk after a restart), it says as of when they were
 * current: "Mất kết nối — số liệu lúc 14:05" (English second). With nothing to show yet,
 * "Mất kết nối — đang kết nối lại…". The preview also shows the layout's title.
 */
export function ConnectionStatus({ preview }: { preview: boolean }) {
  const connection = useWall((s) => s.connection);
  const title = useWall((s) => s.wall?.layout.title);
  const syncedAt = useWall((s) => s.syncedAt);
  const source = useWall((s) => s.source);
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

  // Kept figures on screen and no live link: say so, and as of when.
  const offline = !connected && syncedAt !== null && (everDisconnected || source === 'disk');
  const state = connected ? 'connected' : everDisconnected ? 'disconnected' : 'connecting';
  const text = connected ? messages.connected : offline ? offlineSince(syncedAt, Date.now()) : everDisconnected ? messages.disconnected : messages.connecting;
  const hidden = connected && !fresh && !preview;

  return (
    <div
      className={`conn-status conn-status--${state}${offline ? ' conn-status--offline' : ''}${hidden ? ' conn-status--hidden' : ''}`}
      data-connection={state}
      data-offline={offline ? 'true' : undefined}
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
      {offline ? <span className="conn-status__en">{text.en}</span> : null}
    </div>
  );
}
