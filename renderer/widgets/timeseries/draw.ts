import { area, line } from 'd3';
import { CHART_THEME } from '../common/chart-palette';
import type { CanvasSize } from '../common/chart-canvas';
import { plotX, plotY, type TimeSeriesModel, type TsPoint } from './model';

/**
 * Draws a time-series model on a 2D canvas context the size of the plot box (d3's line
 * and area generators write straight into the context). Text is not drawn here: the
 * tile's HTML places the labels at the same fractions (model.ts plotX / plotY).
 */
export function drawTimeSeries(ctx: CanvasRenderingContext2D, size: CanvasSize, model: TimeSeriesModel): void {
  if (model.state !== 'ok') return;
  const { width: w, height: h } = size;
  const X = (f: number) => plotX(f) * w;
  const Y = (f: number) => plotY(f) * h;
  // Strokes scale with the plot, never thinner than what reads from the back of the room.
  const lw = Math.max(2.5, h * 0.009);
  const r = Math.max(3.5, h * 0.016);

  // Grid at the value ticks, the zero line stronger.
  ctx.lineWidth = Math.max(1, lw * 0.35);
  ctx.strokeStyle = CHART_THEME.grid;
  ctx.setLineDash([]);
  for (const tick of model.yTicks) {
    ctx.beginPath();
    ctx.moveTo(X(0) - r, Y(tick.f));
    ctx.lineTo(X(1) + r, Y(tick.f));
    ctx.stroke();
  }
  if (model.zeroY !== null) {
    ctx.strokeStyle = CHART_THEME.axis;
    ctx.lineWidth = Math.max(1.5, lw * 0.5);
    ctx.beginPath();
    ctx.moveTo(X(0) - r, Y(model.zeroY));
    ctx.lineTo(X(1) + r, Y(model.zeroY));
    ctx.stroke();
  }

  // Plan targets and the reference line: white, long dashes.
  ctx.strokeStyle = CHART_THEME.target;
  ctx.lineWidth = Math.max(2, lw * 0.8);
  ctx.setLineDash([lw * 3, lw * 2]);
  ctx.globalAlpha = 0.85;
  for (const t of model.targets) {
    ctx.beginPath();
    ctx.moveTo(X(t.x0), Y(t.y));
    ctx.lineTo(X(t.x1), Y(t.y));
    ctx.stroke();
  }
  ctx.globalAlpha = 1;

  const baseline = Y(model.zeroY ?? (model.domain[0] >= 0 ? 0 : 1));
  const runs = (points: TsPoint[]) => {
    // Consecutive points only: a missing period breaks the line.
    const out: TsPoint[][] = [];
    for (const p of points) {
      const last = out[out.length - 1];
      if (last && last[last.length - 1]!.index === p.index - 1) last.push(p);
      else out.push([p]);
    }
    return out;
  };

  for (const s of model.series) {
    if (s.status !== 'ok') continue;
    // Earlier vintages: faint hollow diamonds, joined to the figure that replaced them.
    if (s.revisions.length) {
      ctx.globalAlpha = 0.7;
      ctx.strokeStyle = s.colour;
      ctx.lineWidth = Math.max(2, lw * 0.7);
      for (const rev of s.revisions) {
        const x = X(rev.x);
        const y = Y(rev.y);
        if (rev.currentY !== null) {
          ctx.setLineDash([lw, lw]);
          ctx.beginPath();
          ctx.moveTo(x, y);
          ctx.lineTo(x, Y(rev.currentY));
          ctx.stroke();
        }
        ctx.setLineDash([]);
        ctx.beginPath();
        ctx.moveTo(x, y - r);
        ctx.lineTo(x + r, y);
        ctx.lineTo(x, y + r);
        ctx.lineTo(x - r, y);
        ctx.closePath();
        ctx.stroke();
      }
      ctx.globalAlpha = 1;
    }

    const segments = runs(s.points);
    if (model.kind === 'area') {
      const fill = area<TsPoint>()
        .x((p) => X(p.x))
        .y0(baseline)
        .y1((p) => Y(p.y))
        .context(ctx);
      ctx.fillStyle = s.colour;
      // Faint enough that overlapping areas do not mix into a new colour that means nothing.
      ctx.globalAlpha = model.series.length > 1 ? 0.1 : 0.22;
      for (const seg of segments) {
        ctx.beginPath();
        fill(seg);
        ctx.fill();
      }
      ctx.globalAlpha = 1;
    }
    const path = line<TsPoint>()
      .x((p) => X(p.x))
      .y((p) => Y(p.y))
      .context(ctx);
    ctx.strokeStyle = s.colour;
    ctx.lineWidth = lw;
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    ctx.setLineDash(s.dash.map((d) => d * lw));
    for (const seg of segments) {
      if (seg.length < 2) continue;
      ctx.beginPath();
      path(seg);
      ctx.stroke();
    }
    ctx.setLineDash([]);

    // Official figures filled, estimates hollow.
    for (const p of s.points) {
      ctx.beginPath();
      ctx.arc(X(p.x), Y(p.y), r, 0, Math.PI * 2);
      if (p.estimate) {
        ctx.fillStyle = CHART_THEME.background;
        ctx.fill();
        ctx.lineWidth = Math.max(2, lw * 0.8);
        ctx.strokeStyle = s.colour;
        ctx.stroke();
      } else {
        ctx.fillStyle = s.colour;
        ctx.fill();
      }
    }
  }
}
