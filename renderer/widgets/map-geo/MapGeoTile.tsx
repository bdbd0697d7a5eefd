import { useEffect, useMemo, useRef, useState } from 'react';
import { messages } from '../../../shared/i18n';
import { useProvinceBoundaries } from '../../geo/useBoundaries';
import { useWallStore } from '../../store/context';
import { TileMessage } from '../common/TileMessage';
import { choropleth, viewKey, type Choropleth, type ChoroplethOptions } from '../common/map-data';
import { onFontsLoaded, observeSize } from '../common/map-observe';
import { MapBoundaryMessage, MapHeader, MapLegend } from '../common/map-parts';
import { subscribeProvinceSlice } from '../common/map-store';
import type { WidgetProps } from '../common/types';
import { useDrillHighlight } from '../common/view-drill';
import { GeoPainter, pixelRatioOf } from './painter';
import './map-geo.css';

/**
 * The province map: a choropleth of the 34 provinces on a canvas, from the boundary file
 * the server serves (fetched once per page), with the archipelagos named, the legend, the
 * labels that fit, a highlighted province and hatching where there is no figure.
 *
 * React draws the frame (header, legend, messages) and re-renders only when what they say
 * changes; the canvas is painted outside React by a GeoPainter, which the store's commits
 * reach through a subscription that passes on only changes to this indicator's provincial
 * figures.
 */
export function MapGeoTile({ tile, rect }: WidgetProps<'map-geo'>) {
  const store = useWallStore();
  const indicator = tile.binding?.indicators[0] ?? null;
  // The briefing view's drill-down highlights its province (renderer/widgets/common/view-drill.ts).
  const o = useDrillHighlight(tile.options);
  const boundaries = useProvinceBoundaries();
  const rootRef = useRef<HTMLDivElement>(null);
  const areaRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const painterRef = useRef<GeoPainter | null>(null);

  const scaleOptions: ChoroplethOptions = useMemo(
    () => ({ scheme: o.scheme, classes: o.classes, domain: o.domain, decimals: o.decimals, highlight: o.highlight, expectUnit: o.expectUnit }),
    [o.scheme, o.classes, o.domain, o.decimals, o.highlight, o.expectUnit],
  );
  const title = tile.title;
  const [view, setView] = useState<Choropleth | null>(null);

  // The painter lives as long as the tile.
  useEffect(() => {
    const canvas = canvasRef.current;
    const root = rootRef.current;
    const area = areaRef.current;
    if (!canvas || !root || !area) return;
    const painter = new GeoPainter(canvas, root);
    painterRef.current = painter;
    const stopSize = observeSize(
      area,
      (width, height) => painter.setSize(width, height, pixelRatioOf(area), rect),
      () => ({ width: rect.width * 0.94, height: rect.height * 0.7 }),
    );
    const stopFonts = onFontsLoaded(() => painter.fontsChanged());
    return () => {
      stopSize();
      stopFonts();
      painter.dispose();
      painterRef.current = null;
    };
  }, [rect.width, rect.height]);

  useEffect(() => {
    painterRef.current?.setGeo(boundaries.status === 'ready' ? boundaries.geo : null);
  }, [boundaries, rect.width, rect.height]);

  useEffect(() => {
    painterRef.current?.setOptions({ labels: o.labels, archipelagos: o.archipelagos, highlight: o.highlight });
  }, [o.labels, o.archipelagos, o.highlight, rect.width, rect.height]);

  // The figures: outside React, repainting only when this indicator's provinces change.
  useEffect(() => {
    let key = '';
    const apply = (next: Choropleth) => {
      painterRef.current?.setView(next);
      const k = viewKey(next);
      if (k !== key) {
        key = k;
        setView(next);
      }
    };
    const { unsubscribe, current } = subscribeProvinceSlice(store.api, indicator, o.period, (slice) => apply(choropleth(slice, scaleOptions, title)));
    apply(choropleth(current, scaleOptions, title));
    return unsubscribe;
  }, [store, indicator, o.period, scaleOptions, title, rect.width, rect.height]);

  if (!indicator) return <TileMessage kind="placeholder" text={messages.noData} detail="map-geo: no indicator bound" />;

  return (
    <div
      ref={rootRef}
      className="map map-geo"
      data-indicator={indicator}
      data-highlight={o.highlight}
      data-geo-state={boundaries.status}
      data-provinces-with-data={view?.withData ?? 0}
    >
      {view ? <MapHeader view={view.header} /> : null}
      <div ref={areaRef} className="map__area">
        <canvas ref={canvasRef} className="map__canvas" role="img" aria-label={view ? `${view.header.name.vi} — bản đồ 34 tỉnh, thành phố` : undefined} />
        <MapBoundaryMessage state={boundaries} />
      </div>
      {view ? <MapLegend legend={view.legend} /> : null}
    </div>
  );
}
