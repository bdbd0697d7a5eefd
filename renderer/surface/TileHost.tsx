import { memo, type ReactNode } from 'react';
import { messages } from '../../shared/i18n';
import { TileFrame } from '../widgets/common/TileFrame';
import { TileMessage } from '../widgets/common/TileMessage';
import type { WidgetProps } from '../widgets/common/types';
import { widgetFor } from '../widgets/registry';
import type { PlacedTile } from './plan';
import { TileErrorBoundary } from './TileErrorBoundary';

/** One tile: its exact frame, an error boundary, and the widget (or a placeholder). */
export const TileHost = memo(function TileHost({ placed, revision }: { placed: PlacedTile; revision: number }) {
  const { tile, rect } = placed;
  const widget: string = tile.widget;
  const entry = widgetFor(widget);
  const Widget = entry?.component as ((props: WidgetProps) => ReactNode) | undefined;
  return (
    <TileFrame tileId={tile.id} widget={widget} rect={rect}>
      <TileErrorBoundary tileId={tile.id} widget={widget} resetKey={revision}>
        {Widget ? <Widget tile={tile} rect={rect} /> : <TileMessage kind="placeholder" text={messages.unknownWidget} detail={widget} />}
      </TileErrorBoundary>
    </TileFrame>
  );
});
