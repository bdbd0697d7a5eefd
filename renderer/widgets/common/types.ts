import type { ComponentType } from 'react';
import type { Tile } from '../../../shared/layout/schema';
import type { Rect } from '../../../shared/geometry';
import type { WidgetType } from '../../../shared/widgets/catalog';

/** What every widget component receives: its tile (validated, options defaulted) and its box. */
export interface WidgetProps<K extends WidgetType = WidgetType> {
  tile: Extract<Tile, { widget: K }>;
  /** The tile's rectangle on the wall canvas, in canvas pixels. */
  rect: Rect;
}

export type WidgetComponent<K extends WidgetType = WidgetType> = ComponentType<WidgetProps<K>>;
