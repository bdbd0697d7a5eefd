/**
 * Colours of the chart widgets on the dark control-room theme, safe for colour-blind
 * readers.
 *
 * Series take the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), the
 * standard qualitative set that stays distinct under protanopia, deuteranopia and
 * tritanopia. Its blue (#0072B2) is too dark on a near-black wall, so it comes last and
 * lightened; every series ALSO gets its own dash pattern, so colour is never the only cue.
 *
 * Good/bad stay the theme's blue/orange (--good/--bad), never red against green.
 */
export const SERIES_COLOURS = ['#56B4E9', '#E69F00', '#009E73', '#F0E442', '#CC79A7', '#D55E00', '#5DA5E8', '#BBBBBB'] as const;

/** Dash patterns (in units of the line width) paired with the colours. */
export const SERIES_DASHES: readonly (readonly number[])[] = [[], [4, 2], [1, 1.6], [6, 2, 1, 2], [], [4, 2], [1, 1.6], [6, 2, 1, 2]];

export const seriesColour = (index: number): string => SERIES_COLOURS[index % SERIES_COLOURS.length]!;
export const seriesDash = (index: number): readonly number[] => SERIES_DASHES[index % SERIES_DASHES.length]!;

/** Theme colours the canvas needs (CSS variables cannot reach a 2D context). Mirrors renderer/theme/base.css. */
export const CHART_THEME = {
  background: '#0b1119',
  grid: 'rgba(163, 176, 191, 0.22)',
  axis: 'rgba(163, 176, 191, 0.55)',
  text: '#e8edf3',
  muted: '#a3b0bf',
  target: '#ffffff',
  good: '#4fb3ff',
  bad: '#ff9a3c',
  neutral: '#a3acb8',
  watch: '#f0e442',
} as const;
