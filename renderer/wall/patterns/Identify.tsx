import { useEffect, useState } from 'react';

export interface IdentifyFacts {
  screenId: string;
  /** The PC's host name from the display agent; else the page's origin. */
  host: string;
  displayId: number | null;
  /** The window's size in physical pixels. */
  resolution: { width: number; height: number };
}

/**
 * Identify, readable from the back of the room: the screen id fills a third of the
 * screen's height, the rest in large type. Shown until `until` (server clock; the wall's
 * clocks are kept in sync by NTP in a control room) or until the technician dismisses it.
 */
export function IdentifyOverlay({ facts, until }: { facts: IdentifyFacts; until: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const left = until - Date.now();
    if (left <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(left, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [until, now]);
  if (now >= until) return null;
  return (
    <div className="wall-identify" data-identify={facts.screenId} role="status">
      <div className="wall-identify__id" data-field="identify-screen">
        {facts.screenId}
      </div>
      <div className="wall-identify__line" data-field="identify-host">
        {facts.host}
      </div>
      <div className="wall-identify__line" data-field="identify-display">
        {facts.displayId === null ? 'màn hình / display ?' : `màn hình / display ${facts.displayId}`} · {facts.resolution.width}×{facts.resolution.height}
      </div>
    </div>
  );
}
