import { useEffect, useLayoutEffect, useMemo, useRef, useState, type JSX } from 'react';
import { gridLines, previewTransform, tileRect } from '../../../../shared/geometry';
import type { Layout } from '../../../../shared/layout/schema';
import { viewProvinceName } from '../../../../shared/wall/view';
import type { WallProfile } from '../../../../shared/wall/profile';
import { WallStoreProvider } from '../../../store/context';
import { createWallStore, type WallStore } from '../../../store/wallStore';
import { BezelOverlay } from '../../../surface/BezelOverlay';
import { planWall, type PlacedTile } from '../../../surface/plan';
import { TileHost } from '../../../surface/TileHost';
import { useT } from '../../i18n';

/**
 * One scene on the scaled wall, drawn by the same tile hosts and widgets as /wall/ (and the
 * console's layout editor) from the live data: the scene's layout, its enlarged tile over
 * the whole grid (the others kept mounted, hidden, as the wall does), its province given to
 * every widget through the store's view (KPI tiles switch to the province's figure, maps
 * highlight it). The live store's data is mirrored into a store of the preview's own so
 * the scene's focus never touches what the wall's own view is.
 */
export function ScenePreview({ live, layout, profile, enlargedTileId, province }: { live: WallStore; layout: Layout; profile: WallProfile; enlargedTileId: string | null; province: string | null }): JSX.Element {
  const t = useT();
  const store = useMemo(() => createWallStore(), []);
  useEffect(() => {
    const view = { freeze: null, province, enlargedTileId, revision: 0, by: null, changedAt: null };
    const copy = () => store.api.setState({ ...live.api.getState(), view, frozen: null });
    copy();
    return live.api.subscribe(copy);
  }, [live, store, province, enlargedTileId]);

  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const read = () => setSize((s) => (s.width === el.clientWidth && s.height === el.clientHeight ? s : { width: el.clientWidth, height: el.clientHeight }));
    read();
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const plan = useMemo(() => planWall(profile, layout), [profile, layout]);
  const enlarged = enlargedTileId !== null && layout.tiles.some((tile) => tile.id === enlargedTileId) ? enlargedTileId : null;
  // As the wall's view plan: the enlarged tile takes the whole grid, so its edges fall where any tile's do.
  const tiles: PlacedTile[] = useMemo(() => {
    if (enlarged === null) return plan.tiles;
    const whole = tileRect(gridLines(plan.canvas, profile, layout.grid), { x: 0, y: 0, w: layout.grid.columns, h: layout.grid.rows });
    return plan.tiles.map((p) => (p.tile.id === enlarged ? { tile: p.tile, rect: whole } : p));
  }, [plan, enlarged, profile, layout.grid]);
  const names = useMemo(() => new Map(profile.screens.map((s) => [s.id, s.name])), [profile]);
  const view = previewTransform(plan.canvas, size.width, size.height);
  const provinceName = viewProvinceName({ province });

  return (
    <WallStoreProvider store={store}>
      <figure className="bf-preview" aria-label={t('Xem trước cảnh trên tường (thu nhỏ)', 'Preview of the scene on the wall (scaled)')}>
        <div className="bf-preview-box" ref={box} data-testid="scene-preview" data-layout={layout.id} data-enlarged={enlarged ?? undefined} data-province={province ?? undefined}>
          <div className="wall-layer wall-layer--preview" style={{ width: plan.canvas.width, height: plan.canvas.height, transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})`, overflow: 'visible' }} data-scale={view.scale}>
            <div className="wall-canvas" style={{ left: 0, top: 0, width: plan.canvas.width, height: plan.canvas.height }}>
              {tiles.map((p) => (
                <div key={p.tile.id} style={{ display: 'contents', visibility: enlarged !== null && p.tile.id !== enlarged ? 'hidden' : undefined }}>
                  <TileHost placed={p} revision={0} />
                </div>
              ))}
            </div>
            <BezelOverlay canvas={plan.canvas} scale={view.scale} names={names} />
          </div>
        </div>
        <figcaption>
          {enlarged ? t(`Phóng to ô «${enlarged}»`, `Tile "${enlarged}" enlarged`) : t('Bố cục như đã sắp', 'The layout as laid out')}
          {' · '}
          {provinceName ? t(`Lọc theo ${provinceName}`, `Filtered to ${viewProvinceName({ province }, 'en') ?? province}`) : t('Toàn quốc', 'National')}
        </figcaption>
      </figure>
    </WallStoreProvider>
  );
}
