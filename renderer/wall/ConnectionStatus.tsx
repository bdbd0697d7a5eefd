import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { messages, offlineSince } from '../../shared/i18n';
import { useWall } from '../store/context';
import { isConnected } from '../store/wallStore';

const CORNERS = ['bottom-right', 'top-right', 'bottom-left', 'top-left'] as const;
export type Corner = (typeof CORNERS)[number];

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * A tile's figures: every `data-field` but the labels around them (title, names, legend,
 * the period and the age line). The badge may cover a label when no corner is free of
 * everything; it never covers a figure if any corner allows it.
 */
export const FIGURE_SELECTOR =
  '[data-tile-id] [data-field]:not([data-field="title"]):not([data-field="name"]):not([data-field="name-en"]):not([data-field="agency-name"]):not([data-field="legend"]):not([data-field="age"]):not([data-field="period"])';

function boxes(scope: ParentNode, selector: string): DOMRect[] {
  return [...scope.querySelectorAll(selector)].map((f) => f.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
}

/**
 * The first corner of the screen where the badge covers nothing of any tile, else the
 * first where it covers no figure, else bottom-right. Measured once per change of the
 * text, not per frame.
 */
export function chooseCorner(badge: HTMLElement): Corner {
  const scope = badge.closest('.wall-screen') ?? badge.ownerDocument;
  for (const avoid of [boxes(scope, '[data-tile-id] [data-field]'), boxes(scope, FIGURE_SELECTOR)]) {
    for (const corner of CORNERS) {
      badge.dataset.corner = corner;
      const box = badge.getBoundingClientRect();
      if (!avoid.some((r) => overlaps(box, r))) return corner;
    }
  }
  badge.dataset.corner = 'bottom-right';
  return 'bottom-right';
}

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
  const badge = useRef<HTMLDivElement>(null);
  const [corner, setCorner] = useState<Corner>('bottom-right');

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

  // The offline mark stays up for as long as the outage lasts: it must not sit on a figure.
  useLayoutEffect(() => {
    if (!offline || !badge.current) return;
    setCorner(chooseCorner(badge.current));
  }, [offline, text.vi]);

  return (
    <div
      className={`conn-status conn-status--${state}${offline ? ' conn-status--offline' : ''}${hidden ? ' conn-status--hidden' : ''}`}
      data-connection={state}
      data-offline={offline ? 'true' : undefined}
      data-corner={offline ? corner : undefined}
      ref={badge}
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
