import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { messages } from '../../../shared/i18n';
import { useWall } from '../../store/context';
import { selectCompliance, selectTasks } from '../../store/selectors';
import { periodsKey } from '../../store/wallStore';
import { observationKey } from '../../../shared/protocol/model';
import { AlertIcon, StatusIcon } from '../common/board-icons';
import { usePageRotation } from '../common/board-rotation';
import { TileMessage } from '../common/TileMessage';
import { useNow } from '../common/useNow';
import type { WidgetProps } from '../common/types';
import type { TickerSpeed } from '../../../shared/widgets/ticker/definition';
import { tickerView, type TickerItem } from './model';
import './ticker.css';

/** Scrolling speed in em of the ticker's text per second. */
const SPEED_EM: Record<TickerSpeed, number> = { slow: 3, normal: 4.5, fast: 6.5 };

/**
 * The alert ticker: a fixed "Cảnh báo" label, then the alerts newest first, either
 * scrolling right to left (one transform animation on the compositor: no layout per
 * frame, and React renders only when the alerts change) or one at a time in turn.
 */
export function TickerTile({ tile }: WidgetProps<'ticker'>) {
  const { options } = tile;
  const { motion } = options;
  const indicators = useWall((s) => s.indicators);
  // The maps are updated in place (renderer/store/wallStore.ts): `commits` says when they changed.
  const commits = useWall((s) => s.commits);
  const observations = useWall((s) => s.observations);
  const periods = useWall((s) => s.periods);
  const compliance = useWall(selectCompliance);
  const tasks = useWall(selectTasks);
  const now = useNow();

  const view = useMemo(() => {
    const latest = (indicator: string, region: string) => {
      const list = periods[periodsKey(indicator, region)];
      const last = list?.[list.length - 1];
      return last === undefined ? undefined : observations[observationKey({ indicator, region, period: last })];
    };
    return tickerView({ options, indicators, latest, compliance: Object.values(compliance), tasks: Object.values(tasks), now });
    // commits stands for the contents of observations and periods, which keep their identity.
  }, [options, indicators, observations, periods, compliance, tasks, now, commits]);

  if (!view.hasData) return <TileMessage kind="no-data" text={messages.noData} />;

  return (
    <div className={`board-ticker board-ticker--${motion.mode}`} data-mode={motion.mode} data-items={view.items.length}>
      <div className="bt-label" data-field="label">
        <AlertIcon className="bt-label__icon" />
        <span className="bt-label__text">{tile.title?.vi ?? messages.tickerLabel.vi}</span>
      </div>
      {view.items.length === 0 ? (
        <div className="bt-calm" data-field="no-alerts">
          <StatusIcon status="on-time" /> {messages.tickerNoAlerts.vi}
        </div>
      ) : motion.mode === 'page' ? (
        <TickerPages items={view.items} seconds={motion.seconds} />
      ) : (
        <TickerScroll items={view.items} speedEm={SPEED_EM[motion.speed]} />
      )}
    </div>
  );
}

function Item({ item, copy = false }: { item: TickerItem; copy?: boolean }) {
  return (
    <span
      className={`bt-item bt-item--${item.kind}`}
      data-item-kind={copy ? undefined : item.kind}
      data-item-id={copy ? undefined : item.id}
      aria-hidden={copy || undefined}
    >
      {item.kind === 'threshold' ? (
        <span className="bt-item__mark bt-item__mark--arrow">{item.mark}</span>
      ) : (
        // An overdue task is marked as a missing report is: something due that has not come.
        <StatusIcon status={item.kind === 'task' ? 'missing' : item.kind} className="bt-item__mark" />
      )}
      <span className="bt-item__text">{item.text}</span>
    </span>
  );
}

/** How often a running scroll is put back in phase with the wall clock (windows drift apart slowly otherwise). */
const RESYNC_MS = 10 * 60_000;

/**
 * Scrolls only when the alerts are wider than the tile; then the list is drawn twice and
 * the track moves by one list's width, so the loop has no seam. The motion is one Web
 * Animation of `transform` (composited: no layout or paint per frame; allowed by the CSP,
 * unlike inline styles), created when the alerts or the tile's size change. Its phase is
 * the wall clock modulo its duration, so when a ticker spans two screens, drawn by two
 * windows, both halves show the same place of the loop at the same moment.
 */
function TickerScroll({ items, speedEm }: { items: TickerItem[]; speedEm: number }) {
  const viewport = useRef<HTMLDivElement>(null);
  const track = useRef<HTMLDivElement>(null);
  const group = useRef<HTMLDivElement>(null);
  const animation = useRef<{ anim: Animation; width: number; duration: number } | null>(null);
  const [scrolling, setScrolling] = useState(false);

  const stop = useCallback(() => {
    animation.current?.anim.cancel();
    animation.current = null;
  }, []);

  const measure = useCallback(() => {
    const vp = viewport.current;
    const first = group.current;
    const moving = track.current;
    if (!vp || !first || !moving) return;
    const width = first.offsetWidth;
    const fits = width === 0 || width <= vp.clientWidth;
    setScrolling(!fits);
    if (fits) {
      stop();
      return;
    }
    if (typeof moving.animate !== 'function') return;
    const fontPx = Number.parseFloat(getComputedStyle(first).fontSize) || 16;
    const calm = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    const duration = Math.round((width / (speedEm * fontPx * (calm ? 0.5 : 1))) * 1000);
    let current = animation.current;
    if (!current || current.width !== width || current.duration !== duration) {
      stop();
      const anim = moving.animate([{ transform: 'translate3d(0, 0, 0)' }, { transform: `translate3d(${-width}px, 0, 0)` }], {
        duration,
        iterations: Infinity,
        easing: 'linear',
      });
      current = animation.current = { anim, width, duration };
    }
    current.anim.currentTime = Date.now() % duration;
  }, [speedEm, stop]);

  useLayoutEffect(() => {
    measure();
    const vp = viewport.current;
    let frame = 0;
    const later = () => {
      if (!frame && typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(() => ((frame = 0), measure()));
    };
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(later) : null;
    if (vp) observer?.observe(vp);
    if (group.current) observer?.observe(group.current);
    const resync = setInterval(later, RESYNC_MS);
    let alive = true;
    void document.fonts?.ready.then(() => alive && later());
    return () => {
      alive = false;
      observer?.disconnect();
      clearInterval(resync);
      if (frame && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
    };
  }, [measure, items]);

  useEffect(() => stop, [stop]);

  return (
    <div className="bt-viewport" ref={viewport} data-scrolling={scrolling ? '' : undefined}>
      <div className="bt-track" ref={track}>
        <div className="bt-group" ref={group}>
          {items.map((item) => (
            <Item key={item.id} item={item} />
          ))}
        </div>
        {scrolling ? (
          <div className="bt-group" aria-hidden="true">
            {items.map((item) => (
              <Item key={item.id} item={item} copy />
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
}

function TickerPages({ items, seconds }: { items: TickerItem[]; seconds: number }) {
  const index = usePageRotation(items.length, seconds);
  const item = items[index]!;
  return (
    <div className="bt-page" key={item.id} data-page={index + 1} data-pages={items.length}>
      <Item item={item} />
      {items.length > 1 ? <span className="bt-page__count">{`${index + 1}/${items.length}`}</span> : null}
    </div>
  );
}
