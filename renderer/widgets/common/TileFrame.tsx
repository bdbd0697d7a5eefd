import type { ReactNode } from 'react';
import type { Rect } from '../../../shared/geometry';

/**
 * The root element of every tile. Its box IS the geometry's rectangle: absolute, in
 * canvas pixels, border-box, so padding and border stay inside it. It is also the CSS
 * size container whose cqh/cqmin units size the tile's type.
 */
export function TileFrame({
  tileId,
  widget,
  rect,
  className,
  children,
}: {
  tileId: string;
  widget: string;
  rect: Rect;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      className={`tile${className ? ` ${className}` : ''}`}
      data-tile-id={tileId}
      data-widget={widget}
      style={{
        position: 'absolute',
        boxSizing: 'border-box',
        left: rect.x,
        top: rect.y,
        width: rect.width,
        height: rect.height,
      }}
    >
      {children}
    </div>
  );
}
