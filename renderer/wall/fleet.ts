import { APP_VERSION } from '../../shared/app-version';
import { agentReportSchema, DEFAULT_STATUS_EVERY_MS, hostIdSchema, type AgentReport, type FleetDisplay, type FleetWindow } from '../../shared/fleet/schema';
import type { WallStoreState } from '../store/wallStore';

/**
 * A wall page in a browser as a member of the fleet (issue 9): a stable host id kept in
 * localStorage (shared by the browser's tabs, as the screens of one PC), its display as the
 * browser sees it, and its window's health. Under the display agent the page says none of
 * this: the agent reports its windows itself (main/fleet-reporter.ts). Pure but for the
 * storage and the window it is handed; renderer/feed/socket.ts sends what it returns.
 */

export const HOST_ID_STORAGE_KEY = 'toancanh.fleet.hostId';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buffer);
  return [...buffer].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The browser's host id: the one kept, or a new "browser-…" one, kept from now on. Without storage (blocked), one per page. */
export function browserHostId(storage: KeyValueStorage | null, random: () => string = () => randomHex(6)): string {
  try {
    const kept = storage?.getItem(HOST_ID_STORAGE_KEY) ?? null;
    if (kept !== null && hostIdSchema.safeParse(kept).success) return kept;
  } catch {
    // Storage refused (a privacy setting): a fresh id for this page.
  }
  const id = `browser-${random()}`;
  try {
    storage?.setItem(HOST_ID_STORAGE_KEY, id);
  } catch {
    // Not kept: the fleet sees a new host after a reload, which is all a browser without storage allows.
  }
  return id;
}

/** What a page can read of its display. */
export interface ScreenReading {
  width: number;
  height: number;
  availWidth: number;
  availHeight: number;
  /** Chromium's non-standard offsets of the work area; absent elsewhere. */
  availLeft?: number;
  availTop?: number;
  devicePixelRatio: number;
  /** screen.orientation.angle, where there is one. */
  angle?: number;
}

export function readScreen(win: Window): ScreenReading {
  const s = win.screen as Screen & { availLeft?: number; availTop?: number };
  return {
    width: s.width,
    height: s.height,
    availWidth: s.availWidth,
    availHeight: s.availHeight,
    ...(typeof s.availLeft === 'number' ? { availLeft: s.availLeft } : {}),
    ...(typeof s.availTop === 'number' ? { availTop: s.availTop } : {}),
    devicePixelRatio: win.devicePixelRatio,
    ...(typeof s.orientation?.angle === 'number' ? { angle: s.orientation.angle } : {}),
  };
}

const size = (n: number): number => Math.max(0, Math.min(100_000, Math.round(Number.isFinite(n) ? n : 0)));
const px = (n: number | undefined): number => Math.max(-100_000, Math.min(100_000, Math.round(Number.isFinite(n) ? (n as number) : 0)));

/**
 * The display as the browser sees it: id 0 (a page cannot know the OS's display id), the
 * screen in CSS pixels, the work area, the pixel ratio and the orientation's angle. A
 * browser cannot tell a built-in panel from an external one: `internal` is false.
 */
export function browserDisplay(reading: ScreenReading): FleetDisplay {
  const scaleFactor = Math.max(0.25, Math.min(8, Number.isFinite(reading.devicePixelRatio) && reading.devicePixelRatio > 0 ? reading.devicePixelRatio : 1));
  const angle = (((Math.round(reading.angle ?? 0) % 360) + 360) % 360) as number;
  const rotation = angle === 90 || angle === 180 || angle === 270 ? angle : 0;
  return {
    id: 0,
    bounds: { x: 0, y: 0, width: size(reading.width), height: size(reading.height) },
    workArea: { x: px(reading.availLeft), y: px(reading.availTop), width: size(reading.availWidth), height: size(reading.availHeight) },
    scaleFactor,
    rotation,
    resolution: { width: size(reading.width * scaleFactor), height: size(reading.height * scaleFactor) },
    internal: false,
  };
}

/** The page's window: its screen, both links, the last seq applied, fps and heap where the browser tells them. */
export function browserWindow(state: Pick<WallStoreState, 'connection' | 'lastSeq'>, screenId: string, fps: number | null, heapMb: number | null, now: number): FleetWindow {
  const { feed, control, error, since } = state.connection;
  const connection = feed === 'connected' && control === 'connected' ? 'connected' : feed === 'disconnected' || control === 'disconnected' ? 'disconnected' : 'connecting';
  return {
    screenId: screenId.slice(0, 40),
    displayId: 0,
    connection,
    lastSeq: state.lastSeq,
    fps: fps === null ? null : Math.max(0, Math.min(1000, fps)),
    heapMb: heapMb === null ? null : Math.max(0, Math.min(1_000_000, heapMb)),
    // A page cannot count its own crashes; a reload is a new page.
    restarts: 0,
    lastError: error ? { at: Math.max(0, Math.min(since || now, 8.64e15)), kind: 'connection', detail: error.slice(0, 300) } : null,
  };
}

/** A host name a technician can tell apart: the platform and the end of the id. */
export function browserHostName(hostId: string, platform: string | undefined): string {
  return `Trình duyệt ${platform?.trim() ? `${platform.trim().slice(0, 60)} ` : ''}(${hostId.slice(-6)})`;
}

export interface BrowserMemberInput {
  hostId: string;
  hostName: string;
  display: FleetDisplay;
  window: FleetWindow;
  statusEveryMs?: number;
}

/** The hello's `agent` for a browser page, checked by the schema the server uses (throws when it would be refused). */
export function browserReport(input: BrowserMemberInput): AgentReport {
  return agentReportSchema.parse({
    kind: 'browser',
    hostId: input.hostId,
    hostName: input.hostName.slice(0, 120),
    appVersion: APP_VERSION,
    statusEveryMs: input.statusEveryMs ?? DEFAULT_STATUS_EVERY_MS,
    displays: [input.display],
    windows: [input.window],
  });
}
