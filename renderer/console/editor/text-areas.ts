import type { Rect } from '../../../shared/geometry';

/**
 * Where each widget puts text that must not fall under a bezel, as fractions of its tile
 * (from the widgets' stylesheets: the header band every tile has, the KPI's figure in the
 * middle, texts that fill the tile). Graphics (a map, a chart's plot) may cross a bezel:
 * bezel compensation keeps them continuous, only a letter cut in two is unreadable.
 */
export interface TextArea {
  /** figure: the number a KPI exists to show; text: any other text. */
  kind: 'figure' | 'text';
  area: Rect;
}

const HEADER: TextArea = { kind: 'text', area: { x: 0, y: 0, width: 1, height: 0.2 } };
const WHOLE: TextArea = { kind: 'text', area: { x: 0, y: 0, width: 1, height: 1 } };

const AREAS: Readonly<Record<string, readonly TextArea[]>> = {
  kpi: [HEADER, { kind: 'figure', area: { x: 0.04, y: 0.22, width: 0.92, height: 0.45 } }],
  timeseries: [HEADER],
  comparison: [HEADER],
  compliance: [HEADER],
  'map-geo': [HEADER],
  'map-tiles': [HEADER],
  'map-3d': [HEADER],
  ticker: [WHOLE],
  clock: [WHOLE],
  note: [WHOLE],
  image: [],
};

/** The text areas of a widget; an unknown one is treated as text everywhere. */
export function textAreasOf(widget: string): readonly TextArea[] {
  return Object.hasOwn(AREAS, widget) ? AREAS[widget]! : [WHOLE];
}

/** A fraction of a rectangle, in the rectangle's units. */
export function partOf(rect: Rect, fraction: Rect): Rect {
  return { x: rect.x + fraction.x * rect.width, y: rect.y + fraction.y * rect.height, width: fraction.width * rect.width, height: fraction.height * rect.height };
}
