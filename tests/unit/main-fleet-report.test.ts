import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Display } from '../../main/displays';
import { agentReport, agentStatus, displaysKey, fleetDisplay, fleetWindow, StatusPacer } from '../../main/fleet-report';
import { HOST_ID_FILE, loadOrCreateHostId, newHostId } from '../../main/host-id';
import { HealthRegistry } from '../../main/window-health';
import { agentReportSchema, hostIdSchema } from '../../shared/fleet/schema';

const display = (id: number, over: Partial<Display> = {}): Display => ({
  id,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  size: { width: 1920, height: 1080 },
  scaleFactor: 1.5,
  rotation: 90,
  internal: false,
  ...over,
});

const identity = { hostId: 'may-a-1234abcd', hostName: 'Máy tường A', appVersion: '0.1.0', statusEveryMs: 5_000 };

describe('the agent’s fleet report (main/fleet-report.ts)', () => {
  it('maps an Electron display: work area, rotation, resolution in physical pixels', () => {
    expect(fleetDisplay(display(7))).toEqual({
      id: 7,
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      workArea: { x: 0, y: 0, width: 1920, height: 1040 },
      scaleFactor: 1.5,
      rotation: 90,
      resolution: { width: 2880, height: 1620 },
      internal: false,
    });
    // A hand-written display without a work area uses its bounds; an odd rotation becomes 0.
    const { workArea: _omitted, ...bare } = display(8, { rotation: 45 });
    expect(fleetDisplay(bare)).toMatchObject({ workArea: { x: 0, y: 0, width: 1920, height: 1080 }, rotation: 0 });
  });

  it('maps a window’s health: not reported yet is connecting, a failure is its last error and a restart', () => {
    let t = 1_000;
    const health = new HealthRegistry(() => t);
    health.opened('s1', 's1', 7);
    expect(fleetWindow(health.get('s1')!)).toMatchObject({ screenId: 's1', displayId: 7, connection: 'connecting', lastSeq: null, fps: null, restarts: 0, lastError: null });
    health.heartbeat('s1', { connected: true, lastSeq: 42, layoutId: 'x', lastFrameAt: 990, fps: 59.8, heapMb: 80.5, restored: false });
    t = 2_000;
    health.event('s1', 'renderer-gone', 'crashed '.repeat(80));
    const w = fleetWindow(health.get('s1')!);
    expect(w).toMatchObject({ connection: 'connected', lastSeq: 42, fps: 59.8, heapMb: 80.5, restarts: 1, lastFrameAt: 990 });
    expect(w.lastError).toMatchObject({ at: 2_000, kind: 'renderer-gone' });
    expect(w.lastError!.detail.length).toBe(300);
  });

  it('builds a hello the server’s schema accepts, bounded to 16 displays and 16 windows', () => {
    const health = new HealthRegistry(() => 0);
    for (let i = 0; i < 20; i++) health.opened(`s${i}`, `s${i}`, i);
    const report = agentReport(identity, Array.from({ length: 20 }, (_, i) => display(i)), health.snapshot().windows);
    expect(agentReportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({ kind: 'agent', hostId: 'may-a-1234abcd', hostName: 'Máy tường A', appVersion: '0.1.0', statusEveryMs: 5_000 });
    expect(report.displays).toHaveLength(16);
    expect(report.windows).toHaveLength(16);
    // The largest hello there can be (every window with a 300-character error) stays a few kilobytes.
    for (let i = 0; i < 20; i++) health.event(`s${i}`, 'load-failed', 'x'.repeat(1_000));
    const largest = JSON.stringify(agentReport({ ...identity, hostName: 'h'.repeat(200) }, Array.from({ length: 20 }, (_, i) => display(i)), health.snapshot().windows));
    console.log(`largest agent hello: ${largest.length} bytes`);
    expect(largest.length).toBeLessThan(16_384);
    expect(agentStatus(null, health.snapshot().windows)).not.toHaveProperty('displays');
    expect(agentStatus([display(1)], []).displays).toHaveLength(1);
  });
});

describe('when a status is due (StatusPacer)', () => {
  const a = displaysKey([display(1)]);
  const b = displaysKey([display(1), display(2, { bounds: { x: 1920, y: 0, width: 1920, height: 1080 } })]);

  it('says nothing before the hello, then one status per period, without the unchanged displays', () => {
    const pacer = new StatusPacer(5_000, 1_000);
    expect(pacer.next(0, a)).toEqual({ send: false, waitMs: 5_000 });
    pacer.helloSent(0, a);
    expect(pacer.next(4_000, a)).toEqual({ send: false, waitMs: 1_000 });
    expect(pacer.next(5_000, a)).toEqual({ send: true, withDisplays: false });
    pacer.sent(5_000, a, false);
    expect(pacer.next(6_000, a)).toEqual({ send: false, waitMs: 4_000 });
  });

  it('reports a display change or a nudge soon, but never twice within the minimum gap', () => {
    const pacer = new StatusPacer(5_000, 1_000);
    pacer.helloSent(0, a);
    expect(pacer.next(300, b)).toEqual({ send: false, waitMs: 700 });
    expect(pacer.next(1_000, b)).toEqual({ send: true, withDisplays: true });
    pacer.sent(1_000, b, true);
    // A burst of nudges (a crash loop) within the gap: one message at its end.
    pacer.nudge();
    pacer.nudge();
    expect(pacer.next(1_500, b)).toEqual({ send: false, waitMs: 500 });
    expect(pacer.next(2_000, b)).toEqual({ send: true, withDisplays: false });
    pacer.sent(2_000, b, false);
    expect(pacer.next(2_500, b)).toEqual({ send: false, waitMs: 4_500 });
    // After a drop, the next message is a hello again.
    pacer.reset();
    expect(pacer.next(10_000, b)).toEqual({ send: false, waitMs: 5_000 });
  });
});

describe('the host id (main/host-id.ts)', () => {
  it('is made from the host name, valid for the schema, and kept in the data folder', () => {
    expect(newHostId('Máy Tường Đông #1', () => 'abcd1234')).toBe('May-Tuong-Dong-1-abcd1234');
    expect(newHostId('---', () => '00ff00ff')).toBe('host-00ff00ff');
    expect(hostIdSchema.safeParse(newHostId('x'.repeat(200))).success).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'toancanh-hostid-'));
    try {
      const id = loadOrCreateHostId(join(dir, 'data'), 'may-a');
      expect(id).toMatch(/^may-a-[0-9a-f]{8}$/);
      expect(loadOrCreateHostId(join(dir, 'data'), 'renamed')).toBe(id);
      writeFileSync(join(dir, 'data', HOST_ID_FILE), 'not a valid id!\n');
      const fresh = loadOrCreateHostId(join(dir, 'data'), 'may-a');
      expect(fresh).not.toBe(id);
      expect(readFileSync(join(dir, 'data', HOST_ID_FILE), 'utf8').trim()).toBe(fresh);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
