import type { ReactNode } from 'react';
import type { WallCanvas } from '../../../shared/geometry';
import type { TestPatternName } from '../../../shared/protocol/control';
import { alignmentLines } from './alignment';
import { textLadder } from './ladder';

const BARS = ['#ffffff', '#ffff00', '#00ffff', '#00ff00', '#ff00ff', '#ff0000', '#0000ff', '#000000'];
const GREY_STEPS = 11;

/**
 * A test pattern drawn on the wall canvas (canvas pixels, bezel gaps included), inside
 * the same layer that holds the tiles: each window shows its part exactly as it shows a
 * tile, so a wrong bezel, rotation or placement in the profile breaks the picture at that
 * screen's edge. Covers the whole canvas, tiles hidden under it.
 */
export function CanvasPattern({ pattern, canvas, viewingDistanceMm }: { pattern: TestPatternName; canvas: WallCanvas; viewingDistanceMm: number }) {
  const { width, height } = canvas;
  let body: ReactNode = null;
  switch (pattern) {
    case 'alignment-grid': {
      const { vertical, horizontal } = alignmentLines(canvas);
      const w = canvas.extent.width;
      const h = canvas.extent.height;
      body = (
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
          {vertical.map((l) => (
            <line key={`v${l.mm}`} data-line="vertical" data-mm={l.mm} x1={l.px} x2={l.px} y1={0} y2={h} stroke={l.bold ? '#ffff00' : '#ffffff'} strokeWidth={l.bold ? 3 : 1} />
          ))}
          {horizontal.map((l) => (
            <line key={`h${l.mm}`} data-line="horizontal" data-mm={l.mm} x1={0} x2={w} y1={l.px} y2={l.px} stroke={l.bold ? '#ffff00' : '#ffffff'} strokeWidth={l.bold ? 3 : 1} />
          ))}
          {/* Diagonals: a vertical offset between screens shows as a horizontal step too. */}
          <line data-line="diagonal" x1={0} y1={0} x2={w} y2={h} stroke="#00ffff" strokeWidth={3} />
          <line data-line="diagonal" x1={w} y1={0} x2={0} y2={h} stroke="#00ffff" strokeWidth={3} />
          <circle cx={w / 2} cy={h / 2} r={Math.min(w, h) * 0.45} fill="none" stroke="#ff00ff" strokeWidth={3} />
        </svg>
      );
      break;
    }
    case 'colour-bars':
      body = (
        <div className="pattern-bars">
          {BARS.map((colour) => (
            <div key={colour} style={{ background: colour }} data-colour={colour} />
          ))}
        </div>
      );
      break;
    case 'grey-ramp':
      body = (
        <div className="pattern-grey">
          <div className="pattern-grey__steps">
            {Array.from({ length: GREY_STEPS }, (_, i) => {
              const level = Math.round((255 * i) / (GREY_STEPS - 1));
              return (
                <div key={i} style={{ background: `rgb(${level},${level},${level})`, color: level > 128 ? '#000' : '#fff' }}>
                  {Math.round((100 * i) / (GREY_STEPS - 1))}%
                </div>
              );
            })}
          </div>
          <div className="pattern-grey__ramp" />
        </div>
      );
      break;
    case 'text-ladder': {
      const ladder = textLadder(viewingDistanceMm, canvas.mmPerPixel);
      // One ladder per screen, inside its active area: text across a bezel reads as nothing.
      body = canvas.screens.map((s) => (
        <div key={s.screenId} className="pattern-ladder" style={{ left: s.viewport.x, top: s.viewport.y, width: s.viewport.width, height: s.viewport.height }}>
          <div className="pattern-ladder__head" style={{ fontSize: ladder.rungs[3]!.fontPx }}>
            {(viewingDistanceMm / 1000).toLocaleString('vi-VN')} m · tối thiểu {ladder.minimumMm.toFixed(1)} mm
          </div>
          {ladder.rungs.map((r) => (
            <div key={r.capMm} className={r.legible ? 'pattern-ladder__rung' : 'pattern-ladder__rung pattern-ladder__rung--small'} data-legible={r.legible} style={{ fontSize: r.fontPx }}>
              {r.legible ? '✓' : '✗'} Hà Nội {r.capMm.toFixed(1)} mm
            </div>
          ))}
        </div>
      ));
      break;
    }
    case 'checkerboard':
      body = null;
      break;
  }
  return (
    <div className="wall-pattern" data-test-pattern={pattern} style={{ width, height }}>
      {body}
    </div>
  );
}

/**
 * The 1-pixel checkerboard is in the screen's own pixels, not the canvas's: it checks the
 * display chain (OS scaling, a monitor that rescales its input), which would blur it to grey.
 */
export function ScreenCheckerboard() {
  return <div className="wall-pattern wall-pattern--checkerboard" data-test-pattern="checkerboard" />;
}
