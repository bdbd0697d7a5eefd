import type { ErrorCode } from '../errors';
import type { WallProfile } from './profile';

/**
 * The rules of a wall profile that span fields or screens: what the shape alone cannot
 * say. zod calls it even when some field failed its own check (a size of 0), so it reads
 * values defensively. Each finding has a catalogue code, its holes and the JSON path of the field to
 * fix. Bounded: at most 64 screens (the schema), so at most 2,016 pairs.
 */
export interface ProfileFinding {
  path: (string | number)[];
  code: ErrorCode;
  params: Record<string, string | number>;
}

/** Overlap below a micrometre is rounding of the input, not two frames in one place. */
const OVERLAP_TOLERANCE_MM = 0.001;

const mm = (value: number) => Number(value.toFixed(2));

/** A screen's outer frame on the wall in mm as it hangs (a quarter turn swaps the sides). */
function frameMm(screen: WallProfile['screens'][number]): { x: number; y: number; width: number; height: number } | null {
  if (screen.placement.kind !== 'free') return null;
  const { top, right, bottom, left } = screen.bezelMm;
  const sideways = screen.rotation === 90 || screen.rotation === 270;
  const built = { width: left + screen.activeAreaMm.width + right, height: top + screen.activeAreaMm.height + bottom };
  return {
    x: screen.placement.xMm,
    y: screen.placement.yMm,
    width: sideways ? built.height : built.width,
    height: sideways ? built.width : built.height,
  };
}

function displayKeys(screen: WallProfile['screens'][number]): { key: string; field: 'displayId' | 'index'; label: string }[] {
  const d = screen.display;
  if (!d) return [];
  const host = d.host ?? '';
  const on = d.host ? ` on ${d.host}` : '';
  const keys: { key: string; field: 'displayId' | 'index'; label: string }[] = [];
  if (d.displayId !== undefined) keys.push({ key: `${host}\u0000id\u0000${d.displayId}`, field: 'displayId', label: `display id ${d.displayId}${on}` });
  if (d.index !== undefined) keys.push({ key: `${host}\u0000index\u0000${d.index}`, field: 'index', label: `display index ${d.index}${on}` });
  return keys;
}

export function checkProfile(profile: WallProfile): ProfileFinding[] {
  const found: ProfileFinding[] = [];
  const screens = profile.screens;
  const ids = new Map<string, number>();
  const cells = new Map<string, number>();
  const displays = new Map<string, number>();

  screens.forEach((screen, index) => {
    const first = ids.get(screen.id);
    if (first !== undefined) found.push({ path: ['screens', index, 'id'], code: 'profile.duplicate_id', params: { id: screen.id, first } });
    else ids.set(screen.id, index);

    if (screen.placement.kind === 'grid') {
      const { row, column } = screen.placement;
      const cell = `${row}:${column}`;
      const other = cells.get(cell);
      if (other !== undefined) {
        found.push({ path: ['screens', index, 'placement'], code: 'profile.grid_cell_taken', params: { a: screens[other]!.id, b: screen.id, row, column } });
      } else cells.set(cell, index);
    }

    for (const { key, field, label } of displayKeys(screen)) {
      const other = displays.get(key);
      if (other !== undefined) {
        found.push({ path: ['screens', index, 'display', field], code: 'profile.display_taken', params: { a: screens[other]!.id, b: screen.id, display: label } });
      } else displays.set(key, index);
    }

    const { width, height } = screen.resolution;
    const area = screen.activeAreaMm;
    // zod runs this refinement even when a size failed its own check: a zero is reported there.
    if (Math.min(width, height, area.width, area.height) <= 0) return;
    if ((screen.rotation === 90 || screen.rotation === 270) && width < height && area.width < area.height) {
      found.push({
        path: ['screens', index, 'rotation'],
        code: 'profile.rotated_portrait',
        params: { id: screen.id, width, height, rotation: screen.rotation, widthMm: area.width, heightMm: area.height },
      });
    } else if (width > height !== area.width > area.height && width !== height && area.width !== area.height) {
      found.push({
        path: ['screens', index, 'activeAreaMm'],
        code: 'profile.orientation_mismatch',
        params: { id: screen.id, width, height, widthMm: area.width, heightMm: area.height },
      });
    }
  });

  const kinds = new Set(screens.map((s) => s.placement.kind));
  if (kinds.size > 1) found.push({ path: ['screens'], code: 'profile.mixed_placement', params: {} });
  else if (kinds.has('free')) {
    const frames = screens.map(frameMm);
    for (let j = 1; j < screens.length; j++) {
      const b = frames[j]!;
      for (let i = 0; i < j; i++) {
        const a = frames[i]!;
        const overlapX = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
        const overlapY = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
        if (overlapX > OVERLAP_TOLERANCE_MM && overlapY > OVERLAP_TOLERANCE_MM) {
          found.push({
            path: ['screens', j, 'placement', 'xMm'],
            code: 'profile.screens_overlap',
            params: { a: screens[i]!.id, b: screens[j]!.id, width: mm(overlapX), height: mm(overlapY) },
          });
        }
      }
    }
  }
  return found;
}
