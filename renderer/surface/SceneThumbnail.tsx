import { memo, useMemo } from 'react';
import type { Layout } from '../../shared/layout/schema';
import type { WallProfile } from '../../shared/wall/profile';
import { planWall } from './plan';

/** The kinds of widget told apart by colour in a thumbnail (the rest are one neutral colour). */
const KIND_COLOUR: Readonly<Record<string, string>> = {
  kpi: '#1f4f86',
  timeseries: '#2b6a5a',
  'map-geo': '#6a4b1f',
  'map-3d': '#6a4b1f',
  'map-tiles': '#6a4b1f',
  comparison: '#5a3a78',
  compliance: '#7a2f3a',
  ticker: '#4a4f58',
};

/**
 * A scene at a glance: the layout placed on the wall's canvas by the wall's own plan
 * (renderer/surface/plan.ts, the geometry every window uses), drawn small as SVG: each
 * screen's picture, each tile with its title, the enlarged tile over the whole grid and
 * the others dimmed. No widget is mounted: a phone draws a run of show of 60 scenes
 * without opening a map or a WebGL context. Memoized: the remote's timers re-render its
 * panel twice a second, the thumbnails only when their scene changes.
 */
export const SceneThumbnail = memo(function SceneThumbnail({
  profile,
  layout,
  enlargedTileId = null,
  label,
  lang = 'vi',
  indicatorNames,
}: {
  profile: WallProfile;
  layout: Layout;
  enlargedTileId?: string | null;
  /** What the picture shows, for a screen reader. */
  label: string;
  lang?: 'vi' | 'en';
  /** Indicator names by code (the store's metadata): an untitled tile is named by its first indicator, not its id. */
  indicatorNames?: Readonly<Record<string, { name: { vi: string; en: string } }>>;
}) {
  const plan = useMemo(() => {
    try {
      return planWall(profile, layout);
    } catch {
      return null;
    }
  }, [profile, layout]);
  if (!plan) return <div className="scene-thumb scene-thumb--empty" role="img" aria-label={label} />;
  const { canvas } = plan;
  const enlarged = enlargedTileId !== null && plan.tiles.some((p) => p.tile.id === enlargedTileId) ? enlargedTileId : null;
  const nameOf = (tile: Layout['tiles'][number]): string => titleOf(tile.title, lang) ?? titleOf(indicatorNames?.[tile.binding?.indicators[0] ?? '']?.name, lang) ?? tile.id;
  const font = Math.max(canvas.width, canvas.height) / 45;
  const gap = font / 4;
  return (
    <svg className="scene-thumb" viewBox={`0 0 ${canvas.width} ${canvas.height}`} role="img" aria-label={label} data-thumb-layout={layout.id} data-thumb-enlarged={enlarged ?? undefined} preserveAspectRatio="xMidYMid meet" style={{ aspectRatio: `${canvas.width} / ${canvas.height}` }}>
      <rect x={0} y={0} width={canvas.width} height={canvas.height} fill="#020305" />
      {canvas.screens.map(({ screenId, viewport: v }) => (
        <rect key={screenId} x={v.x} y={v.y} width={v.width} height={v.height} fill="#0b121c" />
      ))}
      {plan.tiles.map(({ tile, rect }) => {
        const dimmed = enlarged !== null && tile.id !== enlarged;
        if (enlarged !== null && tile.id === enlarged) return null;
        return <ThumbTile key={tile.id} id={tile.id} widget={tile.widget} title={nameOf(tile)} rect={rect} font={font} gap={gap} dimmed={dimmed} />;
      })}
      {enlarged !== null ? (
        <ThumbTile
          id={enlarged}
          widget={plan.tiles.find((p) => p.tile.id === enlarged)!.tile.widget}
          title={nameOf(plan.tiles.find((p) => p.tile.id === enlarged)!.tile)}
          rect={{ x: 0, y: 0, width: canvas.width, height: canvas.height }}
          font={font * 2}
          gap={gap}
          dimmed={false}
        />
      ) : null}
    </svg>
  );
});

function titleOf(title: { vi: string; en?: string | undefined } | undefined, lang: 'vi' | 'en'): string | undefined {
  if (!title) return undefined;
  return lang === 'en' ? (title.en ?? title.vi) : title.vi;
}

function ThumbTile({ id, widget, title, rect, font, gap, dimmed }: { id: string; widget: string; title: string; rect: { x: number; y: number; width: number; height: number }; font: number; gap: number; dimmed: boolean }) {
  const x = rect.x + gap;
  const y = rect.y + gap;
  const w = Math.max(0, rect.width - 2 * gap);
  const h = Math.max(0, rect.height - 2 * gap);
  // A title cut to what fits the tile's width (about 0.55 em a letter): the thumbnail is read at a glance.
  const fits = Math.max(3, Math.floor(w / (font * 0.58)));
  const shown = title.length > fits ? `${title.slice(0, fits - 1)}…` : title;
  return (
    <g data-thumb-tile={id} opacity={dimmed ? 0.25 : 1}>
      <rect x={x} y={y} width={w} height={h} rx={gap} fill={KIND_COLOUR[widget] ?? '#39414d'} stroke="#8fa3b8" strokeOpacity={0.35} strokeWidth={gap / 2} />
      {h > font * 1.4 ? (
        <text x={x + gap * 2} y={y + font * 1.2} fontSize={font} fill="#e8eef5">
          {shown}
        </text>
      ) : null}
    </g>
  );
}
