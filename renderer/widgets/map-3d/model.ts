import { messages } from '../../../shared/i18n';
import { rankText } from '../../../shared/rankings';
import { topProvinces, type Choropleth, type ProvinceView } from '../common/map-data';

/**
 * The 3D map without three.js: how tall each province stands, which provinces carry a
 * label, and where the camera is at a moment of its swing. Pure, so it is tested in
 * jsdom; scene.ts and view.ts turn it into meshes and frames.
 */

/** Heights in scene units; the map is 100 units across. */
export const MIN_HEIGHT = 0.8;
export const MAX_HEIGHT = 16;
/** Provinces without a figure lie flat and hatched. */
export const NO_DATA_HEIGHT = 0.3;
/** The archipelagos stand low, whatever their province's figure: they are specks. */
export const ARCHIPELAGO_HEIGHT = 0.5;

/**
 * The height of each province: proportional to its figure above a baseline — zero, or the
 * lowest figure when some are negative (a fall in output) — from MIN_HEIGHT to
 * MAX_HEIGHT; NO_DATA_HEIGHT without a figure. A fixed domain clamps.
 */
export function extrusionHeights(view: Choropleth | null, domain?: { min: number; max: number }): Map<string, number> {
  const heights = new Map<string, number>();
  if (!view) return heights;
  const values = view.provinces.flatMap((p) => (p.value === null ? [] : [p.value]));
  const lo = domain ? domain.min : Math.min(0, ...values);
  const hi = domain ? domain.max : Math.max(0, ...values);
  for (const p of view.provinces) {
    if (p.value === null) {
      heights.set(p.code, NO_DATA_HEIGHT);
      continue;
    }
    const t = hi > lo ? Math.min(1, Math.max(0, (p.value - lo) / (hi - lo))) : 1;
    heights.set(p.code, MIN_HEIGHT + t * (MAX_HEIGHT - MIN_HEIGHT));
  }
  return heights;
}

export interface TopLabel {
  code: string;
  rank: number;
  /** «hạng 1/34» (and "rank 1/34"): the rank among the provinces with a figure. */
  rankText: string;
  rankTextEn: string;
  name: string;
  valueText: string;
}

/**
 * The labels of the first n provinces, rank 1 first. A published ranking (PCI, PAPI…) is
 * listed by its rank (shared/rankings.ts: the indicator's direction, ties share a rank);
 * any other indicator by its highest figures («Cao nhất»), each with its rank among all.
 */
export function topLabels(view: Choropleth | null, n: number): TopLabel[] {
  if (!view || n <= 0) return [];
  const { ranking } = view;
  const first: ProvinceView[] = view.isRanking
    ? ranking.rows.slice(0, n).flatMap((r) => view.byCode.get(r.code) ?? [])
    : topProvinces<ProvinceView>(view.provinces, n);
  return first.map((p, i) => {
    const ranked = ranking.rankOf(p.code);
    const rank = view.isRanking && ranked ? ranked.rank : i + 1;
    const at = ranked ?? { rank, tied: false };
    return {
      code: p.code,
      rank,
      rankText: rankText(at, ranking.total),
      rankTextEn: rankText(at, ranking.total, 'en'),
      name: p.name,
      valueText: p.valueText,
    };
  });
}

/**
 * The top list's title: «Xếp hạng /34» for a ranking (the badges are «hạng N/34» read
 * short: one line in the side column of a screen-tall tile in large text), «Cao nhất» otherwise.
 */
export function topTitle(view: Choropleth | null): { vi: string; en: string } {
  if (view?.isRanking) return { vi: `Xếp hạng /${view.ranking.total}`, en: `Rank /${view.ranking.total}` };
  return messages.highest;
}

export interface OrbitOptions {
  /** Degrees per second at the middle of the swing; 0 = still. */
  speed: number;
  /** Half the swing, degrees. */
  amplitude: number;
  /** Elevation above the map plane, degrees. */
  tilt: number;
}

/**
 * The camera's azimuth at `seconds`: a pendulum swing of ±amplitude around "looking
 * north", with the given peak speed — the map sways but never turns upside down.
 */
export function orbitAzimuth(seconds: number, o: OrbitOptions): number {
  if (o.speed <= 0 || o.amplitude <= 0) return 0;
  const omega = o.speed / o.amplitude; // rad/s of the phase, for a peak of `speed` deg/s
  return o.amplitude * Math.sin(omega * seconds);
}

/**
 * Camera position around `target` for azimuth/tilt (degrees) at `distance`: azimuth 0
 * looks north from the south; +z is up.
 */
export function cameraPosition(target: [number, number, number], azimuthDeg: number, tiltDeg: number, distance: number): [number, number, number] {
  const az = (azimuthDeg * Math.PI) / 180;
  const el = (tiltDeg * Math.PI) / 180;
  const horizontal = distance * Math.cos(el);
  return [target[0] + horizontal * Math.sin(az), target[1] - horizontal * Math.cos(az), target[2] + distance * Math.sin(el)];
}

/** The distance at which a sphere of `radius` fills a camera of `fovDeg` (vertical) and `aspect`. */
export function fitDistance(radius: number, fovDeg: number, aspect: number, margin = 1.04): number {
  const half = ((fovDeg / 2) * Math.PI) / 180;
  const horizontalHalf = Math.atan(Math.tan(half) * aspect);
  return (radius * margin) / Math.sin(Math.min(half, horizontalHalf));
}

/**
 * The camera distance at which every point stays in the picture for each azimuth of the
 * swing, looking at `target` from `tiltDeg` above the plane with a vertical field of view
 * of `fovDeg` and the frame's `aspect` (exact for a perspective camera: a point at depth
 * D from the camera is in view when |x| ≤ D·tan(hfov/2) and |y| ≤ D·tan(vfov/2)).
 */
export function fitCameraDistance(
  points: ReadonlyArray<readonly [number, number, number]>,
  target: readonly [number, number, number],
  tiltDeg: number,
  azimuthsDeg: readonly number[],
  fovDeg: number,
  aspect: number,
  margin = 1.02,
): number {
  const tv = Math.tan(((fovDeg / 2) * Math.PI) / 180);
  const th = tv * aspect;
  const el = (tiltDeg * Math.PI) / 180;
  let distance = 1;
  for (const azDeg of azimuthsDeg) {
    const az = (azDeg * Math.PI) / 180;
    const f = [-Math.cos(el) * Math.sin(az), Math.cos(el) * Math.cos(az), -Math.sin(el)] as const;
    const r = [Math.cos(az), Math.sin(az), 0] as const;
    const u = [-Math.sin(az) * Math.sin(el), Math.cos(az) * Math.sin(el), Math.cos(el)] as const;
    for (const p of points) {
      const q = [p[0] - target[0], p[1] - target[1], p[2] - target[2]] as const;
      const x = q[0] * r[0] + q[1] * r[1] + q[2] * r[2];
      const y = q[0] * u[0] + q[1] * u[1] + q[2] * u[2];
      const z = q[0] * f[0] + q[1] * f[1] + q[2] * f[2];
      distance = Math.max(distance, (Math.abs(x) * margin) / th - z, (Math.abs(y) * margin) / tv - z);
    }
  }
  return distance;
}

/** The azimuths a swing passes through that bound its extent: both ends, the middle, and between. */
export function swingSamples(amplitudeDeg: number, moving: boolean): number[] {
  if (!moving || amplitudeDeg <= 0) return [0];
  const n = 8;
  return Array.from({ length: n + 1 }, (_, i) => -amplitudeDeg + (2 * amplitudeDeg * i) / n);
}

export interface ScreenRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Which labels to show this frame: in order (archipelagos first, then by rank), each one
 * that is on screen and meets none shown before it.
 */
export function visibleLabels(labels: ReadonlyArray<{ key: string; rect: ScreenRect; onScreen: boolean }>): Set<string> {
  const shown: ScreenRect[] = [];
  const keys = new Set<string>();
  for (const label of labels) {
    if (!label.onScreen) continue;
    const r = label.rect;
    if (shown.some((s) => r.left < s.right && s.left < r.right && r.top < s.bottom && s.top < r.bottom)) continue;
    shown.push(r);
    keys.add(label.key);
  }
  return keys;
}
