import type { Rotation, WallProfileInput } from './profile';

/**
 * Panels a technician starts a wall from (issue 9). Every figure is as the panel is built,
 * before rotation (resolution and active area landscape for these models); `rotation` is how
 * the model is usually hung. Datasheets quote the seam between two panels "bezel to bezel"
 * (B2B): the sum of one panel's right (or bottom) side and its neighbour's left (or top).
 * Where a datasheet gives each side, `bezelMm` keeps them; where it gives only B2B, each side
 * is half of it (a uniform frame) — `bezelNote` says which. `source` names the document
 * the figures come from, so a technician can check them against the panel on the wall.
 */
export interface PanelModel {
  id: string;
  name: { vi: string; en: string };
  diagonalInch: number;
  resolution: { width: number; height: number };
  activeAreaMm: { width: number; height: number };
  bezelMm: { top: number; right: number; bottom: number; left: number };
  /** The seams as the datasheet quotes them: between two panels side by side / one above the other. */
  bezelToBezelMm: { horizontal: number; vertical: number };
  rotation: Rotation;
  source: string;
  /**
   * Whether the figures were checked against the named document. The models marked false
   * were entered without the spec sheet at hand (no internet where this was written): the
   * console says so beside the choice, and a technician checks them on the panel's own
   * sheet before trusting a bezel to a tenth of a millimetre.
   */
  checked: boolean;
  bezelNote: { vi: string; en: string };
}

const FHD = { width: 1920, height: 1080 } as const;
const UHD = { width: 3840, height: 2160 } as const;
/** 55-inch 16:9 active area (0.630 mm pixel pitch at 1080p, 0.315 mm at 2160p). */
const AREA_55 = { width: 1209.6, height: 680.4 } as const;
/** 65-inch 16:9 active area (0.372 mm pixel pitch at 2160p). */
const AREA_65 = { width: 1428.48, height: 803.52 } as const;

const UNIFORM = { vi: 'Datasheet ghi viền ghép (B2B); mỗi cạnh = B2B ÷ 2.', en: 'The datasheet quotes bezel to bezel (B2B); each side = B2B ÷ 2.' };
const PER_SIDE = { vi: 'Datasheet ghi riêng từng cạnh.', en: 'The datasheet gives each side.' };

/** Each side of a uniform frame from a datasheet's bezel-to-bezel seams. */
export function bezelFromSeams(seams: { horizontal: number; vertical: number }): PanelModel['bezelMm'] {
  const side = (b2b: number) => Number((b2b / 2).toFixed(4));
  return { top: side(seams.vertical), right: side(seams.horizontal), bottom: side(seams.vertical), left: side(seams.horizontal) };
}

/** The seams two panels of one model make, side by side and stacked (what a datasheet quotes). */
export function seamsOf(bezel: PanelModel['bezelMm']): PanelModel['bezelToBezelMm'] {
  const mm = (v: number) => Number(v.toFixed(4));
  return { horizontal: mm(bezel.left + bezel.right), vertical: mm(bezel.top + bezel.bottom) };
}

function uniform(b2b: number): Pick<PanelModel, 'bezelMm' | 'bezelToBezelMm' | 'bezelNote'> {
  const seams = { horizontal: b2b, vertical: b2b };
  return { bezelMm: bezelFromSeams(seams), bezelToBezelMm: seams, bezelNote: UNIFORM };
}

function perSide(bezelMm: PanelModel['bezelMm']): Pick<PanelModel, 'bezelMm' | 'bezelToBezelMm' | 'bezelNote'> {
  return { bezelMm, bezelToBezelMm: seamsOf(bezelMm), bezelNote: PER_SIDE };
}

export const PANEL_CATALOGUE: readonly PanelModel[] = [
  {
    id: 'lg-55vsm5j',
    name: { vi: 'LG 55VSM5J — 55" 1080p, viền ghép 0,44 mm', en: 'LG 55VSM5J — 55" 1080p, 0.44 mm bezel to bezel' },
    diagonalInch: 55,
    resolution: FHD,
    activeAreaMm: AREA_55,
    ...uniform(0.44),
    rotation: 0,
    source: 'LG 55VSM5J video wall spec sheet (bezel width 0.44 mm even bezel, B to B)',
    checked: false,
  },
  {
    id: 'lg-55vl5f',
    name: { vi: 'LG 55VL5F — 55" 1080p, viền ghép 3,5 mm', en: 'LG 55VL5F — 55" 1080p, 3.5 mm bezel to bezel' },
    diagonalInch: 55,
    resolution: FHD,
    activeAreaMm: AREA_55,
    ...perSide({ top: 2.25, right: 1.25, bottom: 1.25, left: 2.25 }),
    rotation: 0,
    source: 'LG 55VL5F video wall spec sheet (bezel 2.25 mm top/left, 1.25 mm bottom/right; 3.5 mm B to B)',
    checked: false,
  },
  {
    id: 'lgd-55-fhd-snb',
    name: { vi: 'LG Display 55" 1080p viền siêu mỏng, viền ghép 5,3 mm', en: 'LG Display 55" 1080p super narrow bezel, 5.3 mm bezel to bezel' },
    diagonalInch: 55,
    resolution: FHD,
    activeAreaMm: AREA_55,
    ...perSide({ top: 3.4, right: 1.9, bottom: 1.9, left: 3.4 }),
    rotation: 0,
    source: 'LG Display public-display panel announcement, Nov 2011 (5.3 mm gap: 3.4 mm top/left, 1.9 mm bottom/right)',
    checked: true,
  },
  {
    id: 'samsung-qm55r',
    name: { vi: 'Samsung QM55R — 55" 4K', en: 'Samsung QM55R — 55" 4K' },
    diagonalInch: 55,
    resolution: UHD,
    activeAreaMm: AREA_55,
    ...perSide({ top: 11.9, right: 11.9, bottom: 14.5, left: 11.9 }),
    rotation: 0,
    source: 'Samsung QM55R specification sheet (active area 1209.6 × 680.4 mm; bezel T/R/L 11.9 mm, B 14.5 mm)',
    checked: false,
  },
  {
    id: 'samsung-qm65r',
    name: { vi: 'Samsung QM65R — 65" 4K', en: 'Samsung QM65R — 65" 4K' },
    diagonalInch: 65,
    resolution: UHD,
    activeAreaMm: AREA_65,
    ...perSide({ top: 11.9, right: 11.9, bottom: 14.5, left: 11.9 }),
    rotation: 0,
    source: 'Samsung QM65R specification sheet (active area 1428.48 × 803.52 mm; bezel T/R/L 11.9 mm, B 14.5 mm)',
    checked: false,
  },
  {
    id: 'lg-55vl5f-portrait',
    name: { vi: 'LG 55VL5F dựng đứng — 1080 × 1920 trên tường (xoay 90°)', en: 'LG 55VL5F portrait — 1080 × 1920 on the wall (rotation 90)' },
    diagonalInch: 55,
    // As the panel is built: 1920 × 1080 and 1209.6 × 680.4 mm; rotation 90 makes it 1080 × 1920 on the wall.
    resolution: FHD,
    activeAreaMm: AREA_55,
    ...perSide({ top: 2.25, right: 1.25, bottom: 1.25, left: 2.25 }),
    rotation: 90,
    source: 'LG 55VL5F video wall spec sheet (portrait installation supported; sizes as built, before rotation)',
    checked: false,
  },
];

export function panelById(id: string): PanelModel | undefined {
  return PANEL_CATALOGUE.find((p) => p.id === id);
}

/** What one panel of a grid is: a catalogue model, or the technician's own figures. */
export interface GridPanel {
  resolution: { width: number; height: number };
  activeAreaMm: { width: number; height: number };
  bezelMm: PanelModel['bezelMm'];
  rotation: Rotation;
}

export interface GridWall {
  id: string;
  name: string;
  viewingDistanceMm: number;
  rows: number;
  columns: number;
  panel: GridPanel;
}

/** Screen ids of a grid: `s1` … row by row, left to right (what the agent's display index follows). */
export const gridScreenId = (row: number, column: number, columns: number): string => `s${row * columns + column + 1}`;

/** A rows × columns wall of one panel, as a profile (unvalidated: the caller runs validateWallProfile). */
export function gridProfile(wall: GridWall): WallProfileInput {
  const screens: WallProfileInput['screens'] = [];
  for (let row = 0; row < wall.rows; row++) {
    for (let column = 0; column < wall.columns; column++) {
      const index = row * wall.columns + column;
      screens.push({
        id: gridScreenId(row, column, wall.columns),
        name: `Màn hình ${index + 1}`,
        resolution: { ...wall.panel.resolution },
        activeAreaMm: { ...wall.panel.activeAreaMm },
        bezelMm: { ...wall.panel.bezelMm },
        rotation: wall.panel.rotation,
        placement: { kind: 'grid', row, column },
        display: { index },
      });
    }
  }
  return { schemaVersion: 1, id: wall.id, name: wall.name, viewingDistanceMm: wall.viewingDistanceMm, screens };
}

/** A screen's outer frame (bezel included) as it hangs: a quarter turn swaps width and height. */
export function hungFrameMm(screen: Pick<GridPanel, 'activeAreaMm' | 'bezelMm' | 'rotation'>): { width: number; height: number } {
  const { top, right, bottom, left } = screen.bezelMm;
  const built = { width: left + screen.activeAreaMm.width + right, height: top + screen.activeAreaMm.height + bottom };
  return screen.rotation === 90 || screen.rotation === 270 ? { width: built.height, height: built.width } : built;
}

/**
 * The same wall placed freely: each frame's top-left corner where the grid put it (frames
 * touching, bezel to bezel). Where free mode starts from, so switching changes nothing on the wall.
 */
export function freeFromGrid(profile: WallProfileInput): WallProfileInput {
  const frames = profile.screens.map((s) => hungFrameMm({ activeAreaMm: s.activeAreaMm, bezelMm: s.bezelMm, rotation: s.rotation ?? 0 }));
  const colWidth = new Map<number, number>();
  const rowHeight = new Map<number, number>();
  profile.screens.forEach((s, i) => {
    if (s.placement.kind !== 'grid') return;
    colWidth.set(s.placement.column, Math.max(colWidth.get(s.placement.column) ?? 0, frames[i]!.width));
    rowHeight.set(s.placement.row, Math.max(rowHeight.get(s.placement.row) ?? 0, frames[i]!.height));
  });
  const before = (sizes: Map<number, number>, n: number) => [...sizes].filter(([k]) => k < n).reduce((sum, [, v]) => sum + v, 0);
  const round = (v: number) => Number(v.toFixed(4));
  return {
    ...profile,
    screens: profile.screens.map((s, i) => {
      if (s.placement.kind !== 'grid') return s;
      const { row, column } = s.placement;
      // A smaller frame is centred in its cell, as the grid placement does.
      const x = before(colWidth, column) + ((colWidth.get(column) ?? 0) - frames[i]!.width) / 2;
      const y = before(rowHeight, row) + ((rowHeight.get(row) ?? 0) - frames[i]!.height) / 2;
      return { ...s, placement: { kind: 'free', xMm: round(x), yMm: round(y) } };
    }),
  };
}
