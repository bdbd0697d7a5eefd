import { messages } from '../../../shared/i18n';
import { DRILL_FILTERED_WIDGETS, DRILL_NEUTRAL_WIDGETS, DRILL_SELF_MARKED_WIDGETS } from '../../../shared/wall/view';
import { useViewProvince } from '../../store/context';
import type { PlacedTile } from '../../surface/plan';
import { TileHost } from '../../surface/TileHost';

/**
 * The tiles of one window under the view: each in a wrapper that takes no box
 * (display: contents), so hiding the others beneath an enlarged tile keeps them mounted
 * and the way back is instant. While drilled down, a tile that cannot show one province
 * says "toàn quốc" in its top-right corner (the compliance and tasks boards say it in their
 * own headers: NationalScopeMark).
 */
export function ViewTiles({ tiles, enlarged, revision }: { tiles: readonly PlacedTile[]; enlarged: string | null; revision: number }) {
  const drilled = useViewProvince() !== null;
  return (
    <>
      {tiles.map((placed) => {
        const hidden = enlarged !== null && placed.tile.id !== enlarged;
        const widget: string = placed.tile.widget;
        const national = drilled && !hidden && !DRILL_FILTERED_WIDGETS.includes(widget) && !DRILL_NEUTRAL_WIDGETS.includes(widget) && !DRILL_SELF_MARKED_WIDGETS.includes(widget);
        return (
          <div key={placed.tile.id} className="wall-view-slot" style={{ display: 'contents', visibility: hidden ? 'hidden' : undefined }} data-view-hidden={hidden ? '' : undefined} data-view-enlarged={placed.tile.id === enlarged ? '' : undefined}>
            <TileHost placed={placed} revision={revision} />
            {national ? <ScopeBadge placed={placed} /> : null}
          </div>
        );
      })}
    </>
  );
}

function ScopeBadge({ placed }: { placed: PlacedTile }) {
  const { rect } = placed;
  const size = Math.max(12, Math.min(48, rect.height * 0.05));
  return (
    <div
      className="wall-view-scope"
      data-view-scope="national"
      data-for-tile={placed.tile.id}
      title={messages.viewNational.en}
      style={{ left: rect.x + rect.width - size * 0.5, top: rect.y + size * 0.5, fontSize: size, transform: 'translateX(-100%)' }}
    >
      {messages.viewNational.vi}
    </div>
  );
}
