import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LiveStatus } from '../../shared/api/schedule';
import type { Layout } from '../../shared/layout/schema';
import type { WallState } from '../../shared/protocol/control';
import { findProjectRoot, projectPaths } from '../../server/paths';
import { collect, startHarness, tempDir, waitFor, type Harness } from '../helpers/server-harness';

const paths = projectPaths(findProjectRoot());
const preset = JSON.parse(readFileSync(join(paths.layoutsDir, 'tong-quan-kinh-te-xa-hoi.json'), 'utf8')) as Layout;
/** An instant given as Vietnam local time (UTC+7). 2026-12-07 is a Monday. */
const vn = (iso: string) => Date.parse(`${iso}+07:00`);

type ErrorReply = { error: { code: string }; errors?: { path: string; message: string }[] };

const harnesses: Harness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.cleanup();
});

/** A server whose clock the test moves; `publisher.tick()` is the slot boundary without waiting for it. */
async function startAt(iso: string, dataDir?: string) {
  const clock = { t: vn(iso) };
  const h = await startHarness({ now: () => clock.t, ...(dataDir ? { dataDir } : {}) });
  harnesses.push(h);
  return { h, clock };
}

async function addLayout(h: Harness, id: string, vi: string): Promise<void> {
  const r = await h.api('POST', '/api/v1/library/layouts', { body: { document: { ...structuredClone(preset), id, title: { vi } } } });
  expect(r.status).toBe(201);
}

describe('the schedule and publishing (server/library/schedule.ts)', { timeout: 30_000 }, () => {
  it('switches at slot boundaries, holds a manual push until the next one, and says what comes next', async () => {
    const { h, clock } = await startAt('2026-12-07T07:00:00');
    await addLayout(h, 'giao-ban-sang', 'Giao ban sáng');
    await addLayout(h, 'thuong-truc', 'Thường trực');
    const socket = await h.connect('/control', h.server.wallToken);
    const states = collect<WallState>(socket, 'wallState');

    const overlapping = await h.api<ErrorReply>('PUT', '/api/v1/schedule', {
      body: {
        slots: [
          { id: 'sang', days: [1, 2, 3, 4, 5], start: '07:30', end: '11:30', layoutId: 'giao-ban-sang' },
          { id: 'trua', days: [1], start: '11:00', end: '13:00', layoutId: 'thuong-truc' },
          { id: 'ma', days: [2], start: '14:00', end: '15:00', layoutId: 'khong-co' },
        ],
      },
    });
    expect(overlapping.status).toBe(422);
    expect(overlapping.body.error.code).toBe('schedule.invalid');
    expect(overlapping.body.errors!.map((e) => e.message).join('\n')).toMatch(/slot "trua" \(11:00–13:00\) overlaps slot "sang" \(07:30–11:30\) on Monday/);
    expect((await h.api<{ slots: unknown[] }>('GET', '/api/v1/schedule')).body.slots).toEqual([]);
    const unknown = await h.api<ErrorReply>('PUT', '/api/v1/schedule', { body: { slots: [{ id: 'ma', days: [2], start: '14:00', end: '15:00', layoutId: 'khong-co' }] } });
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: '$.slots[0].layoutId', code: 'schedule.unknown_layout' })]);

    const put = await h.api('PUT', '/api/v1/schedule', {
      body: { slots: [{ id: 'sang', days: [1, 2, 3, 4, 5], start: '07:30', end: '11:30', layoutId: 'giao-ban-sang' }], fallback: { layoutId: 'thuong-truc' } },
    });
    expect(put.status).toBe(200);
    // 07:00 Monday: outside the slot, the fallback is live; next is the morning slot at 07:30.
    let live = (await h.api<LiveStatus>('GET', '/api/v1/live')).body;
    expect(live).toMatchObject({ layoutId: 'thuong-truc', version: 1, source: 'fallback', next: { at: new Date(vn('2026-12-07T07:30:00')).toISOString(), slotId: 'sang', layoutId: 'giao-ban-sang' } });

    // A save before the slot starts: the slot takes the newest version at switch time.
    const head = (await h.api<{ head: { document: Layout } }>('GET', '/api/v1/library/layouts/giao-ban-sang')).body.head.document;
    await h.api('POST', '/api/v1/library/layouts/giao-ban-sang/versions', { body: { baseVersion: 1, document: { ...head, title: { vi: 'Giao ban sáng (mới)' } } } });
    clock.t = vn('2026-12-07T07:30:00');
    h.server.publisher.tick();
    live = (await h.api<LiveStatus>('GET', '/api/v1/live')).body;
    expect(live).toMatchObject({ layoutId: 'giao-ban-sang', version: 2, source: 'schedule', slotId: 'sang', by: 'server', override: null });
    await waitFor(() => states.some((s) => s.layout.id === 'giao-ban-sang' && s.layoutVersion === 2), 3000, 'the slot on the wall');

    // A manual push at 09:00 holds until the slot ends at 11:30 …
    clock.t = vn('2026-12-07T09:00:00');
    const pushed = await h.api<LiveStatus>('POST', '/api/v1/publish', { body: { layoutId: 'thuong-truc', version: 1 } });
    expect(pushed.body).toMatchObject({ source: 'manual', layoutId: 'thuong-truc', override: { until: new Date(vn('2026-12-07T11:30:00')).toISOString() } });
    clock.t = vn('2026-12-07T10:00:00');
    h.server.publisher.tick();
    expect((await h.api<LiveStatus>('GET', '/api/v1/live')).body.source).toBe('manual');
    // … then the schedule chooses again (outside slots: the fallback).
    clock.t = vn('2026-12-07T11:30:00');
    h.server.publisher.tick();
    live = (await h.api<LiveStatus>('GET', '/api/v1/live')).body;
    expect(live).toMatchObject({ source: 'fallback', layoutId: 'thuong-truc', override: null, next: { at: new Date(vn('2026-12-08T07:30:00')).toISOString() } });

    // A push released by hand: the schedule takes over at once.
    clock.t = vn('2026-12-08T08:00:00');
    h.server.publisher.tick();
    await h.api('POST', '/api/v1/publish', { body: { layoutId: 'thuong-truc', version: 1 } });
    const released = await h.api<LiveStatus>('POST', '/api/v1/schedule/release', {});
    expect(released.body).toMatchObject({ source: 'schedule', slotId: 'sang', layoutId: 'giao-ban-sang', override: null });
    expect((await h.api<ErrorReply>('POST', '/api/v1/schedule/release', {})).body.error.code).toBe('schedule.no_override');

    const actions = h.server.audit.list({ objectType: 'schedule', limit: 50 }).rows.map((r) => `${r.action} by ${r.actor.name}`);
    expect(actions).toEqual([
      'schedule.release by admin (bootstrap)',
      'schedule.override by admin (bootstrap)',
      'schedule.release by server',
      'schedule.override by admin (bootstrap)',
      'schedule.update by admin (bootstrap)',
    ]);
    socket.disconnect();
  });

  it('keeps the published layout and its version live across a restart, and catches up with a boundary passed while down', async () => {
    const dataDir = tempDir();
    const first = await startAt('2026-12-07T06:00:00', dataDir);
    await addLayout(first.h, 'ban-dem', 'Ban đêm');
    await addLayout(first.h, 'sang-som', 'Sáng sớm');
    expect((await first.h.api('POST', '/api/v1/publish', { body: { layoutId: 'ban-dem', version: 1 } })).status).toBe(200);
    const set = first.h.server.wall.get();
    await first.h.stop();

    const second = await startAt('2026-12-07T06:30:00', dataDir);
    expect(second.h.server.wall.get()).toEqual(set);
    const live = (await second.h.api<LiveStatus>('GET', '/api/v1/live')).body;
    expect(live).toMatchObject({ layoutId: 'ban-dem', version: 1, source: 'manual', by: 'admin (bootstrap)' });
    expect((await second.h.api<WallState>('GET', '/api/v1/wall')).body).toMatchObject({ layout: { id: 'ban-dem' }, layoutVersion: 1 });
    await second.h.api('PUT', '/api/v1/schedule', { body: { slots: [{ id: 'som', days: [1], start: '07:00', end: '08:00', layoutId: 'sang-som' }] } });
    await second.h.stop();

    // Down over 07:00: the start catches up with the slot (the push held until 07:00 only).
    const third = await startAt('2026-12-07T07:10:00', dataDir);
    expect((await third.h.api<LiveStatus>('GET', '/api/v1/live')).body).toMatchObject({ layoutId: 'sang-som', version: 1, source: 'schedule', slotId: 'som' });
  });
});
