import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { messages } from '../../../shared/i18n';
import { useProvinceBoundaries } from '../../geo/useBoundaries';
import { useWallStore } from '../../store/context';
import { TileMessage } from '../common/TileMessage';
import { choropleth, viewKey, type Choropleth, type ChoroplethOptions } from '../common/map-data';
import { observeSize, onFontsLoaded } from '../common/map-observe';
import { MapBoundaryMessage, MapHeader, MapLegend } from '../common/map-parts';
import { subscribeProvinceSlice } from '../common/map-store';
import type { WidgetProps } from '../common/types';
import { useDrillHighlight } from '../common/view-drill';
import { sharedWebgl, type WebglState } from '../common/webgl-shared';
import { ARCHIPELAGO_NAMES } from '../../geo/prepare';
import { topLabels, topTitle, type TopLabel } from './model';
import { geometrySetFor } from './scene';
import { ProvinceMapView } from './view';
import './map-3d.css';
import { rendererLog } from '../../log';

/**
 * The 3D province map: each province extruded to its figure's height and coloured by its
 * class, lit, the camera swinging slowly to and fro (option `orbitSpeed`, 0 = still; a
 * display asking for reduced motion stays still unless `reducedMotion: 'ignore'`), the
 * top N provinces labelled in HTML over the picture (rank and name; a rank badge alone
 * where the name would cover another label) and listed with their figures beside it. It draws through the window's ONE
 * shared WebGL renderer (common/webgl-shared.ts) and comes back by itself after the
 * context is lost.
 */

const restoring = messages.map3dRestoring;
const unavailable = messages.map3dUnavailable;
const building = messages.map3dBuilding;

const reducedMotionQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
const subscribeReducedMotion = (listener: () => void) => {
  reducedMotionQuery?.addEventListener?.('change', listener);
  return () => reducedMotionQuery?.removeEventListener?.('change', listener);
};

/** Whether the display's system asks for reduced motion (a wall PC's setting, made by its technician). */
function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribeReducedMotion, () => reducedMotionQuery?.matches ?? false, () => false);
}

export default function Map3dView({ tile, rect }: WidgetProps<'map-3d'>) {
  const store = useWallStore();
  const indicator = tile.binding?.indicators[0] ?? null;
  // The briefing view's drill-down highlights its province (renderer/widgets/common/view-drill.ts).
  const o = useDrillHighlight(tile.options);
  const boundaries = useProvinceBoundaries();
  const shared = sharedWebgl();
  const reduced = useReducedMotion() && o.reducedMotion === 'respect';
  const rootRef = useRef<HTMLDivElement>(null);
  const areaRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const labelsRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<ProvinceMapView | null>(null);
  const [context, setContext] = useState<{ state: WebglState; generation: number }>({ state: 'idle', generation: 0 });
  const [view, setView] = useState<Choropleth | null>(null);
  /** Provinces with a mesh in the scene once the geometry is in (0 before). */
  const [built, setBuilt] = useState(0);
  const statsKey = useSyncExternalStore(shared.subscribe, () => {
    const s = shared.stats();
    return `${s.contexts}|${s.views}`;
  });
  const [contexts, views] = statsKey.split('|');

  const scaleOptions: ChoroplethOptions = useMemo(
    () => ({ scheme: o.scheme, classes: o.classes, domain: o.domain, decimals: o.decimals, highlight: o.highlight, expectUnit: o.expectUnit }),
    [o.scheme, o.classes, o.domain, o.decimals, o.highlight, o.expectUnit],
  );
  const title = tile.title;

  // The scene, registered with the window's shared renderer for the tile's lifetime.
  useEffect(() => {
    const canvas = canvasRef.current;
    const labels = labelsRef.current;
    const root = rootRef.current;
    const area = areaRef.current;
    if (!canvas || !labels || !root || !area) return;
    const v = new ProvinceMapView(canvas, labels, root, {
      onContext: (state, generation) => setContext({ state, generation }),
    });
    viewRef.current = v;
    let size = { width: 0, height: 0, ratio: 1 };
    v.setSizeSource(() => size);
    const stopSize = observeSize(
      area,
      (width, height) => {
        const dpr = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
        const scaled = area.closest<HTMLElement>('[data-scale]');
        const wall = scaled ? Number(scaled.dataset.scale) || 1 : 1;
        size = { width, height, ratio: Math.min(2, Math.max(0.25, dpr * wall)) };
        v.labelsChanged();
        shared.invalidate();
      },
      () => ({ width: rect.width * 0.94, height: rect.height * 0.7 }),
    );
    const unregister = shared.register(v);
    const stopFonts = onFontsLoaded(() => {
      v.labelsChanged();
      shared.invalidate();
    });
    return () => {
      stopFonts();
      stopSize();
      unregister();
      v.dispose();
      viewRef.current = null;
    };
  }, [shared, rect.width, rect.height]);

  // The geometry: built once per boundary file for the whole window.
  useEffect(() => {
    if (boundaries.status !== 'ready') return;
    let alive = true;
    geometrySetFor(boundaries.geo).then(
      (set) => {
        if (!alive) return;
        viewRef.current?.setGeometries(set);
        setBuilt(viewRef.current?.provincesDrawn() ?? 0);
        shared.invalidate();
      },
      (error: unknown) => rendererLog.error('3D map: building the geometry failed', { err: error }),
    );
    return () => {
      alive = false;
    };
  }, [boundaries, shared, rect.width, rect.height]);

  useEffect(() => {
    viewRef.current?.setOrbit({ speed: o.orbitSpeed, amplitude: o.orbitAmplitude, tilt: o.tilt }, reduced);
    shared.invalidate();
  }, [o.orbitSpeed, o.orbitAmplitude, o.tilt, reduced, shared, rect.width, rect.height]);

  // The figures, outside React: heights and colours change without a React render.
  useEffect(() => {
    let key = '';
    let first = true;
    const apply = (next: Choropleth) => {
      viewRef.current?.setView(next, o.domain, !first);
      first = false;
      shared.invalidate();
      const k = `${viewKey(next)}|${JSON.stringify(topLabels(next, o.topLabels))}`;
      if (k !== key) {
        key = k;
        setView(next);
      }
    };
    const { unsubscribe, current } = subscribeProvinceSlice(store.api, indicator, o.period, (slice) => apply(choropleth(slice, scaleOptions, title)));
    apply(choropleth(current, scaleOptions, title));
    return unsubscribe;
  }, [store, indicator, o.period, o.domain, o.topLabels, scaleOptions, title, shared, rect.width, rect.height]);

  const labels: TopLabel[] = useMemo(() => topLabels(view, o.topLabels), [view, o.topLabels]);

  // New labels in the DOM: measure and place them at the next frame.
  useEffect(() => {
    viewRef.current?.labelsChanged();
    shared.invalidate();
  }, [labels, built, shared]);

  // The top list shows whole rows only: a rank cut by the column's end is hidden.
  useEffect(() => {
    const box = topRef.current;
    if (!box) return;
    const mark = () => {
      const bottom = box.getBoundingClientRect().bottom + 0.5;
      const items = Array.from(box.querySelectorAll<HTMLElement>('[data-top-rank]'));
      for (const item of items) item.toggleAttribute('data-cut', item.getBoundingClientRect().bottom > bottom);
      // No whole row fits (a drilled province's line took the room): the title goes too.
      box.toggleAttribute('data-all-cut', items.length > 0 && items.every((item) => item.hasAttribute('data-cut')));
    };
    mark();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(mark) : null;
    observer?.observe(box);
    return () => observer?.disconnect();
  }, [labels]);

  if (!indicator) return <TileMessage kind="placeholder" text={messages.noData} detail="map-3d: no indicator bound" />;

  let overlay = null;
  if (boundaries.status !== 'ready') overlay = <MapBoundaryMessage state={boundaries} />;
  else if (context.state === 'lost') overlay = <Map3dMessage text={restoring} field="webgl-lost" />;
  else if (context.state === 'unavailable') overlay = <Map3dMessage text={unavailable} field="webgl-unavailable" error />;
  else if (!built) overlay = <Map3dMessage text={building} field="geo-building" />;

  const archipelagos = boundaries.status === 'ready' ? boundaries.geo.archipelagos.filter((a) => a.name) : [];
  return (
    <div
      ref={rootRef}
      className="map map-3d"
      data-text-size={o.textSize}
      data-indicator={indicator}
      data-highlight={o.highlight}
      data-geo-state={boundaries.status}
      data-webgl-state={context.state}
      data-webgl-generation={context.generation}
      data-webgl-contexts={contexts}
      data-webgl-views={views}
      data-provinces-drawn={built}
      data-provinces-with-data={view?.withData ?? 0}
    >
      {view ? <MapHeader view={view.header} /> : null}
      <div ref={areaRef} className="map__area map-3d__area">
        <canvas ref={canvasRef} className="map__canvas" role="img" aria-label={view ? `${view.header.name.vi} — bản đồ 3D` : undefined} />
        <div ref={labelsRef} className="map-3d__labels" aria-hidden={overlay ? true : undefined}>
          {built
            ? labels.map((label) => (
                <div key={label.code} className="map-3d__label" data-label={label.code} data-rank={label.rank}>
                  <div className="map-3d__label-box">
                    <span className="map-3d__rank">{label.rank}</span>
                    <span className="map-3d__label-name">{label.name}</span>
                  </div>
                </div>
              ))
            : null}
          {built
            ? archipelagos.map((a) => (
                <div key={a.province} className="map-3d__label map-3d__label--sea" data-archipelago={a.province} data-archipelago-id={a.id ?? undefined}>
                  <div className="map-3d__label-box">{a.name?.vi ?? ARCHIPELAGO_NAMES[a.province]?.name.vi}</div>
                </div>
              ))
            : null}
        </div>
        {overlay}
      </div>
      {view ? (
        <div className="map-3d__side">
          {labels.length > 0 ? (
            <div ref={topRef} className="map-3d__top" data-field="top">
              <div className="map-3d__top-title" data-field="top-title" title={topTitle(view).en}>
                {topTitle(view).vi}
              </div>
              <ol className="map-3d__top-list">
                {labels.map((label) => (
                  <li
                    key={label.code}
                    className="map-3d__top-item"
                    data-top-rank={label.rank}
                    data-rank-text={label.rankText}
                    data-province={label.code}
                    aria-label={`${label.rankText} ${label.name} ${label.valueText}`}
                    title={`${label.rankTextEn}: ${label.name} ${label.valueText}`}
                  >
                    <span className="map-3d__rank">{label.rank}</span>
                    <span className="map-3d__top-name">{label.name}</span>
                    <span className="map-3d__top-value">{label.valueText}</span>
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
          <MapLegend legend={view.legend} />
        </div>
      ) : null}
    </div>
  );
}

function Map3dMessage({ text, field, error }: { text: { vi: string; en: string }; field: string; error?: boolean }) {
  return (
    <div className={`map-message${error ? ' map-message--error' : ''}`} data-field={field} role={error ? 'alert' : undefined}>
      <div className="map-message__vi">{text.vi}</div>
      <div className="map-message__en" lang="en">
        {text.en}
      </div>
    </div>
  );
}
