import { useMemo } from 'react';
import { messages } from '../../shared/i18n';
import { ConnectionStatus } from './ConnectionStatus';
import { Notice } from './Notice';
import { findScreen, fitViewport, tilesOnScreen, type WallPlan } from '../surface/plan';
import { TileHost } from '../surface/TileHost';
import { useWindowSize } from './useWindowSize';

/**
 * One wall window: the root fills the window; inside it a layer the size of this
 * screen's viewport, scaled so the viewport fills the window, shows the canvas moved by
 * −viewport. Only the tiles that meet this viewport are mounted; the others never exist
 * in this window.
 */
export function ScreenView({ plan, screenId, revision }: { plan: WallPlan; screenId: string; revision: number }) {
  const size = useWindowSize();
  const screen = findScreen(plan.canvas, screenId);
  const tiles = useMemo(() => tilesOnScreen(plan, screenId), [plan, screenId]);

  if (!screen) {
    return (
      <Notice text={messages.unknownScreen} screenId={screenId}>
        <div>
          «{screenId}» —{' '}
          {[...plan.canvas.screens.map((s) => s.screenId), 'all'].map((id) => (
            <a key={id} href={`?screen=${encodeURIComponent(id)}`}>
              {id}
            </a>
          ))}
        </div>
      </Notice>
    );
  }

  const { viewport } = screen;
  const fit = fitViewport(viewport, size.width, size.height);
  return (
    <div className="wall-screen" data-screen-id={screenId} data-scale={fit.scale} data-wall-revision={revision}>
      <div
        className="wall-layer"
        style={{
          width: viewport.width,
          height: viewport.height,
          transform: `translate(${fit.x}px, ${fit.y}px) scale(${fit.scale})`,
        }}
      >
        <div
          className="wall-canvas"
          style={{ left: -viewport.x, top: -viewport.y, width: plan.canvas.width, height: plan.canvas.height }}
        >
          {tiles.map((placed) => (
            <TileHost key={placed.tile.id} placed={placed} revision={revision} />
          ))}
        </div>
      </div>
      <ConnectionStatus preview={false} />
    </div>
  );
}
