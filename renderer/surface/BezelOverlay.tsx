import type { WallCanvas } from '../../shared/geometry';

/**
 * Drawn over the whole canvas, in canvas pixels: the strips hidden behind the bezels
 * hatched (what is drawn there is not seen on the wall), each screen's frame and its
 * viewport outlined, and each screen's name. `scale` is CSS pixels per canvas pixel, so
 * that strokes and labels keep their on-screen size whatever the zoom. The wall preview
 * and the console's editor draw the same picture. The editor writes each screen's name on its
 * top-left corner; the wall preview passes no `names` and sets them outside the canvas
 * itself, where they never cover a tile.
 */
export function BezelOverlay({ canvas, scale, names }: { canvas: WallCanvas; scale: number; names?: ReadonlyMap<string, string | undefined> }) {
  const px = (css: number) => (scale > 0 ? css / scale : css); // CSS pixels → canvas pixels
  const gaps =
    `M0 0H${canvas.width}V${canvas.height}H0Z` +
    canvas.screens.map(({ viewport: v }) => `M${v.x} ${v.y}h${v.width}v${v.height}h${-v.width}Z`).join('');
  const hatch = px(10);
  return (
    <>
      <svg
        className="wall-preview-overlay"
        width={canvas.width}
        height={canvas.height}
        viewBox={`0 0 ${canvas.width} ${canvas.height}`}
        overflow="visible"
        aria-hidden="true"
      >
        <defs>
          <pattern id="bezel-hatch" patternUnits="userSpaceOnUse" width={hatch} height={hatch} patternTransform="rotate(45)">
            <rect width={hatch} height={hatch} fill="#1a2230" fillOpacity={0.7} />
            <line x1={0} y1={0} x2={0} y2={hatch} stroke="#6b7a90" strokeWidth={px(3)} strokeOpacity={0.85} />
          </pattern>
        </defs>
        <path data-preview="bezel-gaps" d={gaps} fillRule="evenodd" fill="url(#bezel-hatch)" />
        {canvas.screens.map(({ screenId, frame }) => (
          <rect key={`frame-${screenId}`} x={frame.x} y={frame.y} width={frame.width} height={frame.height} fill="none" stroke="#56657a" strokeWidth={px(1)} />
        ))}
        {canvas.screens.map(({ screenId, viewport: v }) => (
          <rect
            key={`vp-${screenId}`}
            data-preview-viewport={screenId}
            x={v.x}
            y={v.y}
            width={v.width}
            height={v.height}
            fill="none"
            stroke="#8fd0ff"
            strokeOpacity={0.9}
            strokeWidth={px(1.5)}
          />
        ))}
      </svg>
      {names &&
        canvas.screens.map(({ screenId, viewport: v }) => (
          <div key={`label-${screenId}`} className="wall-preview-label" data-preview-label={screenId} style={{ left: v.x, top: v.y, fontSize: px(13) }}>
            {names.get(screenId) ?? screenId}
            <small>{screenId}</small>
          </div>
        ))}
    </>
  );
}
