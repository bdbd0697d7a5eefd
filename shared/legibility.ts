/**
 * Legibility of a layout on a wall: will the smallest text of every tile be readable from
 * where leadership sits?
 *
 * Type on the wall scales with the tile's physical size (the widgets size their text in
 * container units of the tile, `cqh`), so the smallest text of a tile is a fixed fraction
 * of the tile's height: the widget declares that fraction once, in the catalogue
 * (`smallestTextFraction`). The tile's height on the wall comes from the geometry (its
 * rectangle in canvas pixels × millimetres per canvas pixel), and what a reader can read
 * comes from the viewing distance of the wall profile.
 *
 * ## The figure: 0.3° (18 minutes of arc) of capital-letter height
 *
 * Character size is conventionally stated as the angle subtended by the height of an
 * unaccented capital letter (ISO 9241-3 and its successor ISO 9241-303, ANSI/HFES 100,
 * NUREG-0700). Those standards ask for at least 16′ and prefer 20–22′ for reading tasks;
 * the FAA's rule of thumb of 1/200 of the viewing distance is 17.2′. The limit of visual
 * acuity (a 20/20 Snellen letter) is 5′: readable by a young eye, in a test, one letter at
 * a time — not what a minister glancing at a wall should need. We use 18′ = 0.3°: above
 * the standards' hard minimum, a little under their preferred band, because the wall's
 * text is short labels and figures read at a glance on a high-contrast dark theme, not
 * continuous reading. At 5 m this is a capital letter 26.2 mm tall.
 *
 * ## Which letter height: cap height, from the font's own metrics
 *
 * CSS sizes text by its em box (`font-size`), which is taller than any capital letter. Be
 * Vietnam Pro, the wall's typeface, has a cap height of 740 units per 1000-unit em (the
 * OS/2 table's sCapHeight in every weight that @fontsource/be-vietnam-pro ships; its
 * x-height is 530). So a text's capital letters are 0.74 × its font size, and that is
 * what is compared with the required height. (Vietnamese diacritics stack above the cap
 * height; they need the capital letter to be legible first, so cap height is the right
 * measure and not an optimistic one.)
 *
 * ## What `smallestTextFraction` means
 *
 * The CSS font size (em) of the widget's smallest text, as a fraction of the tile's height
 * — the number in front of `cqh` in its stylesheet (the KPI tile's smallest text is
 * `7cqh`, so 0.07). The tile's height is its rectangle's (the 1-px tile border that makes
 * the CSS container a hair smaller is ignored). A widget that sizes some text by width
 * (`cqw`, `cqmin`) or lets it shrink to fit must declare the smallest size that text can
 * actually reach, as a fraction of the tile's height, for the tile shapes it supports.
 */
import { gridLines, tileRect, wallCanvas } from './geometry';
import type { WallProfile } from './wall/profile';

/** 0.3° = 18′: comfortable reading of short labels at a glance (see above). */
export const COMFORTABLE_READING_ANGLE_DEG = 0.3;

/** 16′: the hard minimum of ISO 9241-3 / ANSI/HFES 100 / NUREG-0700. */
export const STANDARD_MINIMUM_ANGLE_DEG = 16 / 60;

/** 5′: the acuity limit (a 20/20 letter). Legible in a test, not comfortably readable. */
export const ACUITY_LIMIT_ANGLE_DEG = 5 / 60;

/** Be Vietnam Pro's cap height per em (sCapHeight 740 / unitsPerEm 1000, all weights). */
export const BE_VIETNAM_PRO_CAP_HEIGHT_EM = 0.74;

/**
 * The height in millimetres of a capital letter that subtends `visualAngleDeg` at
 * `viewingDistanceMm` straight ahead: 2 · d · tan(θ / 2).
 */
export function minimumLegibleTextMm(viewingDistanceMm: number, visualAngleDeg = COMFORTABLE_READING_ANGLE_DEG): number {
  if (!Number.isFinite(viewingDistanceMm) || viewingDistanceMm <= 0) {
    throw new RangeError(`legibility: viewing distance must be a positive number of millimetres, got ${viewingDistanceMm}`);
  }
  if (!Number.isFinite(visualAngleDeg) || visualAngleDeg <= 0 || visualAngleDeg >= 180) {
    throw new RangeError(`legibility: visual angle must be between 0° and 180°, got ${visualAngleDeg}`);
  }
  return 2 * viewingDistanceMm * Math.tan(((visualAngleDeg / 2) * Math.PI) / 180);
}

/** What the check needs of a widget: its legibility (`widgetLegibility` in shared/widgets/catalog.ts), or any object with the fraction. */
export type LegibilityCatalog = Readonly<
  Record<string, { readonly smallestTextFraction: number; smallestTextFractionFor?(options: Readonly<Record<string, unknown>>): number }>
>;

/** What the check needs of a layout (a validated `Layout` fits). */
export interface LegibilityLayout {
  grid: { columns: number; rows: number };
  /** `options`, when given, lets a widget whose smallest text depends on them say so (`smallestTextFractionFor`). */
  tiles: ReadonlyArray<{ id: string; widget: string; x: number; y: number; w: number; h: number; options?: Readonly<Record<string, unknown>> }>;
}

export interface LegibilityOptions {
  /** Default 0.3° (18′). */
  visualAngleDeg?: number;
  /** Cap height per em of the wall's typeface. Default Be Vietnam Pro's 0.74. */
  capHeightEm?: number;
  /** Overrides the profile's viewing distance, e.g. to check for the back row. */
  viewingDistanceMm?: number;
}

export interface LegibilityResult {
  tileId: string;
  widget: string;
  /** Cap height of the tile's smallest text on the wall, in mm. */
  smallestTextMm: number;
  /** The smallest cap height a reader at the viewing distance reads comfortably, in mm. */
  requiredMm: number;
  ok: boolean;
  /** Font size (em) of the tile's smallest text on the wall, in mm. */
  smallestFontMm: number;
  /** The tile's height on the wall, in mm (bezel gaps it spans included). */
  tileHeightMm: number;
  /** How tall the tile must be for its smallest text to reach `requiredMm`, in mm. */
  requiredTileHeightMm: number;
}

/**
 * The smallest tile height, in millimetres on the wall, at which a widget's smallest text
 * (`smallestTextFraction` of the tile's height) is legible from `viewingDistanceMm`: its
 * minimum legible size, which the widget cannot know by itself because it depends on the
 * wall. Divide by a grid row's height on a profile for the rows it needs.
 */
export function minimumLegibleTileHeightMm(
  smallestTextFraction: number,
  viewingDistanceMm: number,
  options: Pick<LegibilityOptions, 'visualAngleDeg' | 'capHeightEm'> = {},
): number {
  const capHeightEm = options.capHeightEm ?? BE_VIETNAM_PRO_CAP_HEIGHT_EM;
  return minimumLegibleTextMm(viewingDistanceMm, options.visualAngleDeg) / (capHeightEm * smallestTextFraction);
}

/** A hair of tolerance so that a tile sized exactly to the limit is not refused by rounding. */
const EPSILON_MM = 1e-9;

/**
 * For every tile of `layout` on the wall of `profile`: the cap height of its smallest
 * text, the cap height its readers need, and whether it is enough. In layout order.
 */
export function checkLegibility(
  profile: WallProfile,
  layout: LegibilityLayout,
  catalog: LegibilityCatalog,
  options: LegibilityOptions = {},
): LegibilityResult[] {
  const capHeightEm = options.capHeightEm ?? BE_VIETNAM_PRO_CAP_HEIGHT_EM;
  if (!(capHeightEm > 0 && capHeightEm <= 1)) throw new RangeError(`legibility: cap height per em must be in (0, 1], got ${capHeightEm}`);
  const requiredMm = minimumLegibleTextMm(options.viewingDistanceMm ?? profile.viewingDistanceMm, options.visualAngleDeg);
  const canvas = wallCanvas(profile);
  const lines = gridLines(canvas, profile, layout.grid);
  return layout.tiles.map((tile) => {
    const spec = Object.hasOwn(catalog, tile.widget) ? catalog[tile.widget] : undefined;
    if (!spec) throw new Error(`legibility: tile "${tile.id}" uses widget "${tile.widget}", which the catalogue does not know`);
    const fraction = tile.options && spec.smallestTextFractionFor ? spec.smallestTextFractionFor(tile.options) : spec.smallestTextFraction;
    if (!(fraction > 0 && fraction <= 1)) {
      throw new RangeError(`legibility: widget "${tile.widget}" declares smallestTextFraction ${fraction}; expected a fraction in (0, 1]`);
    }
    const tileHeightMm = tileRect(lines, tile).height * canvas.mmPerPixel;
    const smallestFontMm = fraction * tileHeightMm;
    const smallestTextMm = capHeightEm * smallestFontMm;
    return {
      tileId: tile.id,
      widget: tile.widget,
      smallestTextMm,
      requiredMm,
      ok: smallestTextMm + EPSILON_MM >= requiredMm,
      smallestFontMm,
      tileHeightMm,
      requiredTileHeightMm: requiredMm / (capHeightEm * fraction),
    };
  });
}

const mm = (value: number) => `${value.toFixed(1)} mm`;

/**
 * A short plain-text report: one headline, then one line per tile that is too small
 * (every tile with `all`). Meant for a console, a log or a technician's setup page.
 */
export function formatLegibilityReport(results: ReadonlyArray<LegibilityResult>, options: { source?: string; all?: boolean } = {}): string {
  const prefix = options.source ? `${options.source}: ` : '';
  if (results.length === 0) return `${prefix}legibility: no tiles to check`;
  const failing = results.filter((r) => !r.ok);
  const required = Math.max(...results.map((r) => r.requiredMm));
  const headline =
    failing.length === 0
      ? `${prefix}legibility: all ${results.length} tile(s) readable (capital letters at least ${mm(required)} tall)`
      : `${prefix}legibility: ${failing.length} of ${results.length} tile(s) have text too small to read` +
        ` (capital letters must be at least ${mm(required)} tall)`;
  const lines = (options.all ? results : failing).map((r) => {
    const percent = Math.floor((100 * r.smallestTextMm) / r.requiredMm);
    return r.ok
      ? `  ok  ${r.tileId} (${r.widget}): smallest text ${mm(r.smallestTextMm)}, needs ${mm(r.requiredMm)}`
      : `  too small  ${r.tileId} (${r.widget}): smallest text ${mm(r.smallestTextMm)}, needs ${mm(r.requiredMm)} (${percent}%);` +
          ` make the tile at least ${mm(r.requiredTileHeightMm)} tall (now ${mm(r.tileHeightMm)})`;
  });
  return [headline, ...lines].join('\n');
}
