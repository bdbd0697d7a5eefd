import { useMemo } from 'react';
import { previewTransform } from '../../shared/geometry';
import type { WallProfile } from '../../shared/wall/profile';
import { ConnectionStatus } from './ConnectionStatus';
import type { WallPlan } from '../surface/plan';
import { BezelOverlay } from '../surface/BezelOverlay';
import { TileHost } from '../surface/TileHost';
import { useWindowSize } from './useWindowSize';
import { PREVIEW_SCREEN_ID } from './boot';

/**
 * `?screen=all`: the whole canvas letterboxed into the window, every tile, each screen's
 * viewport outlined with its name and id, and the strips hidden behind the bezels hatched
 * over the content (what is drawn there is not seen on the wall).
 */
export function PreviewView({ plan, profile, revision }: { plan: WallPlan; profile: WallProfile; revision: number }) {
  const size = useWindowSize();
  const { canvas } = plan;
  const t = previewTransform(canvas, size.width, size.height);
  const names = useMemo(() => new Map(profile.screens.map((s) => [s.id, s.name])), [profile]);

  return (
    <div className="wall-screen wall-screen--preview" data-screen-id={PREVIEW_SCREEN_ID} data-scale={t.scale}>
      <div
        className="wall-layer wall-layer--preview"
        style={{
          width: canvas.width,
          height: canvas.height,
          transform: `translate(${t.x}px, ${t.y}px) scale(${t.scale})`,
          overflow: 'visible',
        }}
      >
        <div className="wall-canvas" style={{ left: 0, top: 0, width: canvas.width, height: canvas.height }}>
          {plan.tiles.map((placed) => (
            <TileHost key={placed.tile.id} placed={placed} revision={revision} />
          ))}
        </div>
        <BezelOverlay canvas={canvas} scale={t.scale} names={names} />
      </div>
      <ConnectionStatus preview />
    </div>
  );
}
