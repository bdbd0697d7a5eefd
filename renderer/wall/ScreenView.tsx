import { messages } from '../../shared/i18n';
import { ConnectionStatus } from './ConnectionStatus';
import { DisplayNotice, type DisplayMismatch } from './DisplayNotice';
import { useWall } from '../store/context';
import { IdentifyOverlay } from './patterns/Identify';
import { CanvasPattern, ScreenCheckerboard } from './patterns/TestPattern';

/** What the display agent told this window (none in a plain browser). */
export interface AgentFacts {
  host?: string | undefined;
  displayId?: number | undefined;
  displayMismatch?: DisplayMismatch | undefined;
}
import { Notice } from './Notice';
import { findScreen, fitViewport, type WallPlan } from '../surface/plan';
import { useWindowSize } from './useWindowSize';
import { ViewMarks } from './view/ViewMarks';
import { SceneLayers } from './view/SceneLayers';

/**
 * One wall window: the root fills the window; inside it a layer the size of this
 * screen's viewport, scaled so the viewport fills the window, shows the canvas moved by
 * −viewport. Only the tiles that meet this viewport are mounted; the others never exist
 * in this window.
 */
export function ScreenView({
  plan,
  screenId,
  revision,
  agent = {},
}: {
  plan: WallPlan;
  screenId: string;
  revision: number;
  agent?: AgentFacts;
}) {
  const size = useWindowSize();
  const testPattern = useWall((s) => s.testPattern);
  const identify = useWall((s) => s.identify);
  const viewingDistanceMm = useWall((s) => s.wall?.profile.viewingDistanceMm ?? 4000);
  const forThis = (screens: readonly string[] | undefined) => screens === undefined || screens.includes(screenId);
  const pattern = testPattern?.pattern && forThis(testPattern.screens) ? testPattern.pattern : null;
  const identifyUntil = identify && identify.until > 0 && forThis(identify.screens) ? identify.until : 0;
  const screen = findScreen(plan.canvas, screenId);
  const wall = useWall((s) => s.wall);

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
    <div
      className="wall-screen"
      data-screen-id={screenId}
      data-scale={fit.scale}
      data-wall-revision={revision}
      data-pattern-seq={testPattern?.seq ?? undefined}
      data-identify-seq={identify?.seq ?? undefined}
    >
      <div
        className="wall-layer"
        style={{
          width: viewport.width,
          height: viewport.height,
          transform: `translate(${fit.x}px, ${fit.y}px) scale(${fit.scale})`,
        }}
      >
        {wall ? (
          <SceneLayers plan={plan} profile={wall.profile} screenId={screenId} revision={revision} canvasStyle={{ left: -viewport.x, top: -viewport.y, width: plan.canvas.width, height: plan.canvas.height }}>
            {pattern && pattern !== 'checkerboard' ? <CanvasPattern pattern={pattern} canvas={plan.canvas} viewingDistanceMm={viewingDistanceMm} /> : null}
          </SceneLayers>
        ) : null}
      </div>
      {pattern === 'checkerboard' ? <ScreenCheckerboard /> : null}
      <ViewMarks />
      <ConnectionStatus preview={false} />
      {agent.displayMismatch ? <DisplayNotice mismatch={agent.displayMismatch} /> : null}
      {identifyUntil > 0 ? (
        <IdentifyOverlay
          until={identifyUntil}
          facts={{
            screenId,
            host: agent.host ?? window.location.host,
            displayId: agent.displayId ?? null,
            resolution: { width: Math.round(size.width * window.devicePixelRatio), height: Math.round(size.height * window.devicePixelRatio) },
          }}
        />
      ) : null}
    </div>
  );
}
