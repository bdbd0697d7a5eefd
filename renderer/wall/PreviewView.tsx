import { previewTransform } from '../../shared/geometry';
import type { WallProfile } from '../../shared/wall/profile';
import { ConnectionStatus } from './ConnectionStatus';
import type { WallPlan } from '../surface/plan';
import { BezelOverlay } from '../surface/BezelOverlay';
import { ViewMarks } from './view/ViewMarks';
import { SceneLayers } from './view/SceneLayers';
import { useWindowSize } from './useWindowSize';
import { PREVIEW_SCREEN_ID } from './boot';

/** One line of screen labels, in CSS pixels (13 px text, its padding, a little air). */
const LABEL_LINE_PX = 22;

/** The connection badge's height in CSS pixels: its font (wall.css: clamp(12px, 1.5vmin, 28px)), two lines when offline, padding. */
function statusStripPx(width: number, height: number): number {
  const font = Math.min(28, Math.max(12, 0.015 * Math.min(width, height)));
  return Math.ceil(font * 3.6 + 0.024 * Math.min(width, height));
}

/**
 * `?screen=all`: the whole canvas letterboxed into the window, every tile, each screen's
 * viewport outlined, and the strips hidden behind the bezels hatched over the content
 * (what is drawn there is not seen on the wall). Screen names sit OUTSIDE the canvas,
 * never over a tile: the top row's in a strip above the wall, the other rows' in lines
 * below it (one line per row of screens), and under them a strip for the connection badge.
 */
export function PreviewView({ plan, profile, revision }: { plan: WallPlan; profile: WallProfile; revision: number }) {
  const size = useWindowSize();
  const { canvas } = plan;
  const screenRows = [...new Set(canvas.screens.map((s) => s.viewport.y))].sort((a, b) => a - b);
  const above = LABEL_LINE_PX;
  const below = (screenRows.length - 1) * LABEL_LINE_PX + statusStripPx(size.width, size.height);
  const fitted = previewTransform(canvas, size.width, Math.max(0, size.height - above - below));
  const t = { ...fitted, y: fitted.y + above };
  const labelAt = (v: { x: number; y: number; width: number }) => {
    const row = screenRows.indexOf(v.y);
    const top = row === 0 ? t.y - LABEL_LINE_PX : t.y + canvas.height * t.scale + (row - 1) * LABEL_LINE_PX;
    return { left: t.x + v.x * t.scale, top, width: v.width * t.scale, height: LABEL_LINE_PX };
  };
  const names = new Map(profile.screens.map((s) => [s.id, s.name]));

  return (
    <div className="wall-screen wall-screen--preview" data-screen-id={PREVIEW_SCREEN_ID} data-scale={t.scale} data-wall-revision={revision}>
      <div
        className="wall-layer wall-layer--preview"
        style={{
          width: canvas.width,
          height: canvas.height,
          transform: `translate(${t.x}px, ${t.y}px) scale(${t.scale})`,
          overflow: 'visible',
        }}
      >
        <SceneLayers plan={plan} profile={profile} screenId={null} revision={revision} canvasStyle={{ left: 0, top: 0, width: canvas.width, height: canvas.height }} />
        <BezelOverlay canvas={canvas} scale={t.scale} />
      </div>
      {canvas.screens.map(({ screenId, viewport: v }) => (
        <div key={`label-${screenId}`} className="wall-preview-label" data-preview-label={screenId} style={labelAt(v)}>
          {names.get(screenId) ?? screenId}
          <small>{screenId}</small>
        </div>
      ))}
      <ViewMarks />
      <ConnectionStatus preview />
    </div>
  );
}
