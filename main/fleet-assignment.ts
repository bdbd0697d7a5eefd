import type { AssignmentEvent } from '../shared/fleet/schema';
import type { WallProfile } from '../shared/wall/profile';

/** A host name no machine has: screens the server gave to other hosts are pinned there, so the planner leaves them alone. */
export const ELSEWHERE_HOST = '\u0000elsewhere';

/**
 * The profile as this host must draw it once the server has assigned displays (`assignment`
 * on /control): each screen assigned here pinned to its display, every other screen pinned
 * elsewhere. Fed to planWindows with `host`, the existing planner opens, moves and closes the
 * windows. An unmanaged wall (nothing assigned yet) keeps the profile as it is. Pure.
 */
export function assignedProfile(profile: WallProfile, host: string, event: AssignmentEvent | null): WallProfile {
  if (event === null || !event.managed) return profile;
  const mine = new Map(event.screens.map((s) => [s.screenId, s.displayId]));
  return {
    ...profile,
    screens: profile.screens.map((screen) => {
      const displayId = mine.get(screen.id);
      return { ...screen, display: displayId === undefined ? { host: ELSEWHERE_HOST } : { host, displayId } };
    }),
  };
}
