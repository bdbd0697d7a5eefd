import { geoMercator, type GeoProjection } from 'd3-geo';
import { withoutArchipelagos, type ArchipelagoOptions } from './archipelago';
import type { ProvinceCollection, ProvinceFeature } from './provinces';

/**
 * The projection of the province maps: d3's spherical Mercator, fitted to a box.
 *
 * Why Mercator (and not d3.geoIdentity over the raw degrees): the data is longitude and
 * latitude on the sphere. geoIdentity would draw the degrees as a flat grid (plate
 * carrée), which distorts shapes: east–west is stretched against north–south by
 * 1/cos(latitude), 4 % at Huế (16.5 °N), 9 % at the northern tip (23.4 °N). Mercator is
 * conformal (shapes true at every point), keeps north straight up with parallel meridians
 * (the familiar look of web maps), and across Viet Nam's 8.4–23.4 °N its scale changes by
 * only cos 8.4° / cos 23.4° ≈ 1.08. d3's projections also resample and clip on the sphere,
 * and fitExtent does the fitting. (A transverse Mercator, as in VN-2000's UTM zones, would
 * tilt the meridians at the country's edges for no visible gain at this scale.)
 */

export type Padding = number | { top?: number; right?: number; bottom?: number; left?: number };

export interface FitOptions extends ArchipelagoOptions {
  /** Space left free at the edges of the box, in the box's units (pixels). Default 0. */
  padding?: Padding;
  /**
   * What must fit inside the box: `'all'` (default) — every polygon, so Hoàng Sa and
   * Trường Sa show, as they must on any map of the whole country; `'mainland'` — the
   * provinces without their far-off archipelagos (see ./archipelago), for a bigger
   * mainland with the archipelagos drawn in an inset.
   */
  extent?: 'all' | 'mainland';
}

/** A geoMercator whose projection of `features` fits `width` × `height` minus the padding, centred. */
export function fitProjection(
  features: ProvinceCollection | ReadonlyArray<ProvinceFeature>,
  width: number,
  height: number,
  options: FitOptions = {},
): GeoProjection {
  const list = 'features' in features ? features.features : features;
  if (list.length === 0) throw new RangeError('geo: nothing to fit the projection to');
  const pad = options.padding ?? 0;
  const p = typeof pad === 'number' ? { top: pad, right: pad, bottom: pad, left: pad } : pad;
  const [top, right, bottom, left] = [p.top ?? 0, p.right ?? 0, p.bottom ?? 0, p.left ?? 0];
  const innerWidth = width - left - right;
  const innerHeight = height - top - bottom;
  if (!(innerWidth > 0 && innerHeight > 0)) {
    throw new RangeError(`geo: a ${width} × ${height} box with padding ${top}/${right}/${bottom}/${left} leaves no room for the map`);
  }
  const fitted = options.extent === 'mainland' ? withoutArchipelagos(list, options) : list;
  return geoMercator().fitExtent(
    [
      [left, top],
      [left + innerWidth, top + innerHeight],
    ],
    { type: 'FeatureCollection', features: [...fitted] },
  );
}
