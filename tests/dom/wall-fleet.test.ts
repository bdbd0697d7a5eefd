import { describe, expect, it } from 'vitest';
import { browserDisplay, browserHostId, browserHostName, browserReport, browserWindow, HOST_ID_STORAGE_KEY, readScreen } from '../../renderer/wall/fleet';
import { APP_VERSION } from '../../shared/app-version';
import { agentReportSchema, hostIdSchema } from '../../shared/fleet/schema';

const connection = (feed: 'connected' | 'connecting' | 'disconnected', control: 'connected' | 'connecting' | 'disconnected', error: string | null = null) => ({
  feed,
  control,
  unauthorized: false,
  error,
  since: 5_000,
});

describe('a browser wall page in the fleet (renderer/wall/fleet.ts)', () => {
  it('keeps one host id in localStorage, makes a new one for a damaged entry, and copes with blocked storage', () => {
    localStorage.clear();
    const id = browserHostId(localStorage);
    expect(id).toMatch(/^browser-[0-9a-f]{12}$/);
    expect(hostIdSchema.safeParse(id).success).toBe(true);
    expect(browserHostId(localStorage)).toBe(id);
    localStorage.setItem(HOST_ID_STORAGE_KEY, '<script>');
    expect(browserHostId(localStorage, () => 'abc')).toBe('browser-abc');
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(browserHostId(blocked, () => 'def')).toBe('browser-def');
    expect(browserHostId(null, () => '123')).toBe('browser-123');
  });

  it('describes its display as the browser sees it: CSS pixels, work area, pixel ratio, orientation', () => {
    expect(browserDisplay({ width: 1920, height: 1080, availWidth: 1920, availHeight: 1040, availLeft: 0, availTop: 40, devicePixelRatio: 1.25, angle: 270 })).toEqual({
      id: 0,
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      workArea: { x: 0, y: 40, width: 1920, height: 1040 },
      scaleFactor: 1.25,
      rotation: 270,
      resolution: { width: 2400, height: 1350 },
      internal: false,
    });
    // Odd values from an odd browser stay inside the schema's bounds.
    expect(browserDisplay({ width: 800, height: 600, availWidth: 800, availHeight: 600, devicePixelRatio: 0, angle: -90 })).toMatchObject({ scaleFactor: 1, rotation: 270, workArea: { x: 0, y: 0 } });
    expect(readScreen(window)).toMatchObject({ width: expect.any(Number), devicePixelRatio: expect.any(Number) });
  });

  it('reports its window: both links, seq, fps, heap and the last connection problem', () => {
    expect(browserWindow({ connection: connection('connected', 'connected'), lastSeq: 42 }, 's1', 59.9, 31.5, 9_000)).toEqual({
      screenId: 's1',
      displayId: 0,
      connection: 'connected',
      lastSeq: 42,
      fps: 59.9,
      heapMb: 31.5,
      restarts: 0,
      lastError: null,
    });
    expect(browserWindow({ connection: connection('connected', 'connecting'), lastSeq: null }, 's1', null, null, 9_000).connection).toBe('connecting');
    const down = browserWindow({ connection: connection('disconnected', 'connecting', 'xhr poll error'), lastSeq: 7 }, 's2', 0, null, 9_000);
    expect(down).toMatchObject({ connection: 'disconnected', lastError: { at: 5_000, kind: 'connection', detail: 'xhr poll error' } });
  });

  it('builds a hello the server’s schema accepts', () => {
    const hostId = 'browser-0a1b2c3d4e5f';
    const report = browserReport({
      hostId,
      hostName: browserHostName(hostId, 'Linux'),
      display: browserDisplay({ width: 1920, height: 1080, availWidth: 1920, availHeight: 1080, devicePixelRatio: 1 }),
      window: browserWindow({ connection: connection('connected', 'connected'), lastSeq: 1 }, 's3', 60, 20, 0),
    });
    expect(agentReportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({ kind: 'browser', hostId, hostName: 'Trình duyệt Linux (3d4e5f)', appVersion: APP_VERSION });
    expect(browserHostName(hostId, '')).toBe('Trình duyệt (3d4e5f)');
  });
});
