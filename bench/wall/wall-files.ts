import { readFileSync } from 'node:fs';
import { gridLines, tileRect, tilesForScreen, wallCanvas } from '../../shared/geometry';
import { formatErrors, loadLayout } from '../../shared/layout/load';
import type { Layout } from '../../shared/layout/schema';
import { wallProfileSchema, type WallProfile } from '../../shared/wall/profile';

/** A wall profile file, validated as the server validates it. */
export function readProfile(file: string): WallProfile {
  const parsed = wallProfileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** A layout file, loaded (validated, options migrated and defaulted) as the server loads it. */
export function readLayout(file: string): Layout {
  const loaded = loadLayout(readFileSync(file, 'utf8'));
  if (!loaded.ok) throw new Error(formatErrors(file, loaded.errors));
  return loaded.value;
}

/** Which tiles each screen mounts (the same function the wall page uses). */
export function tilesByScreen(profile: WallProfile, layout: Layout): Map<string, string[]> {
  const canvas = wallCanvas(profile);
  const lines = gridLines(canvas, profile, layout.grid);
  const placed = layout.tiles.map((tile) => ({ tile, rect: tileRect(lines, tile) }));
  return new Map(canvas.screens.map((s) => [s.screenId, tilesForScreen(canvas, s.screenId, placed).map((found) => found.tile.tile.id)]));
}
