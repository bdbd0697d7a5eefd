import { useEffect, useMemo, type CSSProperties, type ReactNode } from 'react';
import type { Layout } from '../../../shared/layout/schema';
import type { WallProfile } from '../../../shared/wall/profile';
import { SceneProvince, useWall, useWallStore } from '../../store/context';
import { planWall, tilesOnScreen, type PlacedTile, type WallPlan } from '../../surface/plan';
import { viewPlan } from './plan';
import { ViewTiles } from './ViewTiles';

/** The tiles a window mounts for one scene: the view's plan, cut to the screen (null: the preview, every tile). */
function sceneTiles(plan: WallPlan, profile: WallProfile, layout: Layout | undefined, enlargedId: string | null, screenId: string | null): { tiles: readonly PlacedTile[]; enlarged: string | null } {
  const shown = layout ? viewPlan(plan, profile, layout, enlargedId) : { ...plan, enlarged: null };
  return { tiles: screenId === null ? shown.tiles : tilesOnScreen(shown, screenId), enlarged: shown.enlarged };
}

/**
 * The scene on screen and, while a briefing switch is pending, the next one mounted
 * beside it, hidden (visibility: its widgets lay out, load their boundaries, open their
 * WebGL contexts and paint into their buffers, but nothing of it shows). Two slots, keyed
 * 0 and 1: the commit flips the store's `slot`, so the slot the next scene was mounted in
 * becomes the one shown — the same React subtree, made visible — and the old one is
 * unmounted after the swap. A hidden scene reads its own province (SceneProvince).
 */
export function SceneLayers({
  plan,
  profile,
  screenId,
  revision,
  canvasStyle,
  children,
}: {
  plan: WallPlan;
  profile: WallProfile;
  /** null: the preview (every tile). */
  screenId: string | null;
  revision: number;
  canvasStyle: CSSProperties;
  /** Drawn over the scene on screen only (test patterns). */
  children?: ReactNode;
}) {
  const store = useWallStore();
  const layout = useWall((s) => s.wall?.layout);
  const enlargedId = useWall((s) => s.view?.enlargedTileId ?? null);
  const prepared = useWall((s) => s.prepared);
  const slot = useWall((s) => s.slot);
  const current = useMemo(() => sceneTiles(plan, profile, layout, enlargedId, screenId), [plan, profile, layout, enlargedId, screenId]);
  const next = useMemo(() => {
    if (!prepared) return null;
    try {
      return sceneTiles(planWall(profile, prepared.layout), profile, prepared.layout, prepared.view.enlargedTileId, screenId);
    } catch {
      // A layout this profile cannot place: the commit then shows what the wall state says.
      return null;
    }
  }, [prepared, profile, screenId]);

  // Mounted by now (effects run after the DOM commit); painted once by the second frame: then the ack.
  useEffect(() => {
    if (!prepared || !next) return;
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => store.markPrepared(prepared.switchId));
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [prepared, next, store]);

  return (
    <>
      {([0, 1] as const).map((n) => {
        const shown = n === slot;
        if (!shown && !(prepared && next)) return null;
        const scene = shown ? current : next!;
        return (
          <div
            key={n}
            className="wall-canvas"
            data-scene-slot={n}
            data-scene-prepared={shown ? undefined : prepared!.switchId}
            data-enlarged-tile={shown ? (scene.enlarged ?? undefined) : undefined}
            aria-hidden={shown ? undefined : true}
            style={{ ...canvasStyle, visibility: shown ? undefined : 'hidden' }}
          >
            <SceneProvince province={shown ? undefined : prepared!.view.province}>
              <ViewTiles tiles={scene.tiles} enlarged={scene.enlarged} revision={revision} />
            </SceneProvince>
            {shown ? children : null}
          </div>
        );
      })}
    </>
  );
}
