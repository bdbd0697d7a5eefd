import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assignedProfile } from '../../main/fleet-assignment';
import { planWindows } from '../../main/window-plan';
import type { Display } from '../../main/displays';
import { wallProfileSchema } from '../../shared/wall/profile';

const profile = wallProfileSchema.parse(JSON.parse(readFileSync(new URL('../../assets/profiles/wall-2x2-55in.json', import.meta.url), 'utf8')));
const display = (id: number, x: number): Display => ({ id, bounds: { x, y: 0, width: 1920, height: 1080 }, size: { width: 1920, height: 1080 }, scaleFactor: 1, rotation: 0, internal: false });
const displays = [display(7, 0), display(9, 1920)];

describe('the server-assigned displays through the window planner', () => {
  it('opens exactly the screens assigned to this host, on the displays named, and nothing else', () => {
    const [s1, s2, s3] = profile.screens.map((s) => s.id);
    const event = { hostId: 'may-a', managed: true, screens: [{ screenId: s3!, displayId: 7 }, { screenId: s1!, displayId: 9 }] };
    const plan = planWindows({ displays, profile: assignedProfile(profile, 'may-a', event), preview: false, host: 'may-a' });
    expect(plan.windows.map((w) => [w.screenId, w.displayId]).sort()).toEqual([[s1, 9], [s3, 7]].sort());
    expect(plan.elsewhere).toContain(s2);
  });

  it('an unmanaged wall keeps the profile; a host with nothing assigned opens nothing', () => {
    expect(assignedProfile(profile, 'may-a', { hostId: 'may-a', managed: false, screens: [] })).toBe(profile);
    const plan = planWindows({ displays, profile: assignedProfile(profile, 'may-b', { hostId: 'may-b', managed: true, screens: [] }), preview: false, host: 'may-b' });
    expect(plan.windows).toEqual([]);
  });
});
