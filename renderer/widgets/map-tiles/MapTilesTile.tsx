import { useMemo, type CSSProperties } from 'react';
import { messages } from '../../../shared/i18n';
import { TileMessage } from '../common/TileMessage';
import { choropleth } from '../common/map-data';
import { MapHeader, MapLegend } from '../common/map-parts';
import { useProvinceSlice } from '../common/map-store';
import type { WidgetProps } from '../common/types';
import { useDrillHighlight } from '../common/view-drill';
import { bundledTileMap, emptyBlock, tileCells, tileMapArrangement } from './model';
import './map-tiles.css';

/**
 * The province tile map: the 34 provinces as equal squares placed roughly where they lie,
 * each with its short name, figure and class colour — readable where Hưng Yên or Cần Thơ
 * vanish on the geographic map, and needing no boundary file. Plain HTML (34 squares);
 * it re-renders only when this indicator's provincial figures change.
 */
export function MapTilesTile({ tile, rect }: WidgetProps<'map-tiles'>) {
  const indicator = tile.binding?.indicators[0] ?? null;
  // The briefing view's drill-down highlights its province (renderer/widgets/common/view-drill.ts).
  const o = useDrillHighlight(tile.options);
  const slice = useProvinceSlice(indicator, o.period);
  const view = useMemo(
    () =>
      choropleth(
        slice,
        { scheme: o.scheme, classes: o.classes, domain: o.domain, decimals: o.decimals, highlight: o.highlight, expectUnit: o.expectUnit },
        tile.title,
      ),
    [slice, o.scheme, o.classes, o.domain, o.decimals, o.highlight, o.expectUnit, tile.title],
  );
  const map = bundledTileMap.ok ? bundledTileMap.value : null;
  const cells = useMemo(() => (map ? tileCells(map, view, o.gap, o.highlight) : []), [map, view, o.gap, o.highlight]);
  const block = useMemo(() => (map ? emptyBlock(map) : null), [map]);

  if (!indicator) return <TileMessage kind="placeholder" text={messages.noData} detail="map-tiles: no indicator bound" />;
  if (!map) {
    const detail = bundledTileMap.ok ? '' : bundledTileMap.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    return <TileMessage kind="error" text={messages.tileGridInvalid} detail={detail} />;
  }

  const arrangement = tileMapArrangement(rect.width, rect.height, block);
  const gridStyle = { '--cols': map.columns, '--rows': map.rows } as CSSProperties;
  const header = <MapHeader view={view.header} />;
  const legend = <MapLegend legend={view.legend} />;
  return (
    <div
      className={`map map-tiles ${arrangement === 'side' ? 'map--side' : 'map-tiles--overlay'}`}
      data-indicator={indicator}
      data-highlight={o.highlight}
      data-arrangement={arrangement}
      data-provinces-drawn={cells.length}
      data-provinces-with-data={view.withData}
    >
      {arrangement === 'side' ? header : null}
      <div className="map__area map-tiles__area">
        <div className="map-tiles__grid" style={gridStyle}>
          {cells.map((cell) => {
            const place = {
              left: `${cell.left * 100}%`,
              top: `${cell.top * 100}%`,
              width: `${cell.width * 100}%`,
              height: `${cell.height * 100}%`,
            } as CSSProperties;
            const paint = { backgroundColor: cell.fill ?? undefined, color: cell.ink, '--chars': cell.valueChars } as CSSProperties;
            return (
              <div
                key={cell.code}
                className="map-tiles__cell"
                style={place}
                data-province={cell.code}
                data-no-data={cell.noData ? '' : undefined}
                data-highlighted={cell.highlighted ? '' : undefined}
                data-fill={cell.fill ?? undefined}
              >
                <div className={`map-tiles__square${cell.noData ? ' map-hatch' : ''}`} style={paint}>
                  <div className="map-tiles__name" data-field="province-name">
                    {cell.nameLines.map((line, i) => (
                      <span key={i} className="map-tiles__name-line">
                        {line}
                      </span>
                    ))}
                  </div>
                  <div className="map-tiles__value" data-field="province-value">
                    {cell.valueText}
                  </div>
                </div>
              </div>
            );
          })}
          {arrangement === 'overlay' && block ? (
            <div
              className="map-tiles__panel"
              style={{
                left: `${(block.column / map.columns) * 100}%`,
                top: `${(block.row / map.rows) * 100}%`,
                width: `${(block.columns / map.columns) * 100}%`,
                height: `${(block.rows / map.rows) * 100}%`,
              }}
            >
              {header}
              {legend}
            </div>
          ) : null}
        </div>
      </div>
      {arrangement === 'side' ? legend : null}
    </div>
  );
}
