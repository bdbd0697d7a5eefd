import { useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
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
 * unmounted after the swap. A hidden scene reads its own province (SceneProvince). The
 * scene committed keeps the tile objects it was mounted with, so the swap re-renders no
 * tile: what a window does at T is a change of visibility and the unmount of the old scene.
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
  const province = useWall((s) => s.view?.province ?? null);
  const prepared = useWall((s) => s.prepared);
  const slot = useWall((s) => s.slot);
  /** The last prepared scene as mounted: the scene that goes on screen at its commit reuses its tiles and revision. */
  const mounted = useRef<{ json: string; enlargedId: string | null; profile: WallProfile; scene: ReturnType<typeof sceneTiles>; revision: number } | null>(null);
  const next = useMemo(() => {
    if (!prepared) return null;
    try {
      return sceneTiles(planWall(profile, prepared.layout), profile, prepared.layout, prepared.view.enlargedTileId, screenId);
    } catch {
      // A layout this profile cannot place: the commit then shows what the wall state says.
      return null;
    }
  }, [prepared, profile, screenId]);
  if (prepared && next && mounted.current?.scene !== next) mounted.current = { json: JSON.stringify(prepared.layout), enlargedId: prepared.view.enlargedTileId, profile, scene: next, revision };
  const current = useMemo(() => {
    // The committed scene is the one mounted at prepare (same document, same focus): the very
    // same tile objects and revision, so no tile re-renders at the swap — it only becomes visible.
    const kept = mounted.current;
    if (kept && layout && kept.profile === profile && kept.enlargedId === enlargedId && kept.json === JSON.stringify(layout)) return { ...kept.scene, revision: kept.revision };
    return { ...sceneTiles(plan, profile, layout, enlargedId, screenId), revision };
  }, [plan, profile, layout, enlargedId, screenId, revision]);

  // The scene that left the screen stays mounted, hidden, for two frames: its unmount (WebGL
  // contexts, canvases) is not done in the swap's frame.
  const lastShown = useRef<{ slot: 0 | 1; scene: typeof current; province: string | null } | null>(null);
  const retiring = useRef<{ slot: 0 | 1; scene: typeof current; province: string | null } | null>(null);
  if (lastShown.current && lastShown.current.slot !== slot) retiring.current = lastShown.current;
  lastShown.current = { slot, scene: current, province };
  const [, setDropped] = useState(0);
  useEffect(() => {
    if (!retiring.current) return;
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => {
        retiring.current = null;
        setDropped((d) => d + 1);
      });
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [slot]);

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
        const old = retiring.current?.slot === n ? retiring.current : null;
        const hidden = !shown && prepared && next ? { scene: { ...next, revision }, province: prepared.view.province, prepared: prepared.switchId } : old ? { scene: old.scene, province: old.province, prepared: undefined } : null;
        if (!shown && !hidden) return null;
        const scene = shown ? current : hidden!.scene;
        return (
          <div
            key={n}
            className="wall-canvas"
            data-scene-slot={n}
            data-scene-prepared={shown ? undefined : hidden!.prepared}
            data-scene-retiring={!shown && hidden!.prepared === undefined ? '' : undefined}
            data-enlarged-tile={shown ? (scene.enlarged ?? undefined) : undefined}
            aria-hidden={shown ? undefined : true}
            style={{ ...canvasStyle, visibility: shown ? undefined : 'hidden' }}
          >
            {/* The province as a value, on screen too: a scene that goes on screen with the province it was prepared with re-renders nothing. */}
            <SceneProvince province={shown ? province : hidden!.province}>
              <ViewTiles tiles={scene.tiles} enlarged={scene.enlarged} revision={scene.revision} />
            </SceneProvince>
            {shown ? children : null}
          </div>
        );
      })}
    </>
  );
}
