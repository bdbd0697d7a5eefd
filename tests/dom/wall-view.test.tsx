import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/protocol/feed';
import type { IndicatorMeta } from '../../shared/protocol/model';
import type { WallViewEvent } from '../../shared/wall/view';
import { observation, SEED_VINTAGE, wallStateWith } from './fixtures';
import { atFixedTime, showWall, text, tileEl, wallStore } from './render';

atFixedTime(Date.parse(SEED_VINTAGE) + 60_000);

const PROV: IndicatorMeta = { code: 'PROV_RETAIL_SALES', name: { vi: 'Tổng mức bán lẻ (tỉnh)', en: 'Retail sales (province)' }, unit: 'tỷ đồng', periodicity: 'month', direction: 'up', scope: 'province' };
const NAT: IndicatorMeta = { code: 'CPI_AVG', name: { vi: 'CPI bình quân', en: 'Average CPI' }, unit: '% so với cùng kỳ', periodicity: 'month', direction: 'down', scope: 'national' };

function snapshot(): Snapshot {
  return {
    seq: 10,
    serverTime: SEED_VINTAGE,
    indicators: [PROV, NAT],
    observations: [
      observation('PROV_RETAIL_SALES', '2025-11', 21_345.6, { region: '01' }),
      observation('PROV_RETAIL_SALES', '2025-11', 9_876.5, { region: '48' }),
      observation('CPI_AVG', '2025-11', 3.29),
    ],
  };
}

const tiles = [
  { id: 'ban-le-tinh', widget: 'kpi', x: 0, y: 0, w: 8, h: 6, binding: { indicators: ['PROV_RETAIL_SALES'], region: '01' }, options: { sparklinePeriods: 0 } },
  { id: 'cpi', widget: 'kpi', x: 8, y: 0, w: 8, h: 6, binding: { indicators: ['CPI_AVG'], region: 'VN' }, options: { sparklinePeriods: 0 } },
  { id: 'xep-hang', widget: 'comparison', x: 0, y: 6, w: 12, h: 6, binding: { indicators: ['PROV_RETAIL_SALES'] }, options: { select: 'all' } },
  { id: 'ghi-chu', widget: 'note', x: 16, y: 0, w: 8, h: 6, options: { text: 'Ghi chú' } },
  { id: 'chuoi', widget: 'timeseries', x: 12, y: 6, w: 12, h: 6, binding: { indicators: ['CPI_AVG'], region: 'VN' } },
];

const view = (patch: Partial<WallViewEvent>, revision = 1): WallViewEvent => ({ freeze: null, province: null, enlargedTileId: null, revision, by: 'Phạm Trinh', changedAt: null, ...patch });

describe('wall view on the wall page', () => {
  it('drilled into Đà Nẵng: the province-level KPI shows its figure and says so, the national one says "toàn quốc", the ranking marks its row', () => {
    const store = wallStore(snapshot(), wallStateWith(tiles));
    const { container } = showWall(store);
    expect(text(tileEl(container, 'ban-le-tinh'), 'value')).toBe('21.345,6');
    expect(text(tileEl(container, 'ban-le-tinh'), 'scope')).toBeNull();

    act(() => store.setView(view({ province: '48' })));
    const prov = tileEl(container, 'ban-le-tinh');
    expect(text(prov, 'value')).toBe('9.876,5');
    expect(text(prov, 'scope')).toBe('Đà Nẵng');
    expect(prov.querySelector<HTMLElement>('.kpi')!.dataset.region).toBe('48');
    const cpi = tileEl(container, 'cpi');
    expect(text(cpi, 'value')).toBe('3,29');
    expect(text(cpi, 'scope')).toBe('toàn quốc');
    const drilledRows = tileEl(container, 'xep-hang').querySelectorAll<HTMLElement>('[data-drilled="true"]');
    expect([...drilledRows].map((r) => r.dataset.region)).toEqual(['48']);
    // A tile that cannot show one province says so; a note has no figures to qualify.
    const badges = [...container.querySelectorAll<HTMLElement>('[data-view-scope="national"]')].map((b) => [b.dataset.forTile, b.textContent]);
    expect(badges).toEqual([['chuoi', 'toàn quốc']]);
    // The wall says which province it shows.
    expect(container.querySelector('[data-view-field="province"]')!.textContent).toBe('Đang xem: Đà Nẵng');

    act(() => store.setView(view({ province: null }, 2)));
    expect(text(tileEl(container, 'ban-le-tinh'), 'value')).toBe('21.345,6');
    expect(container.querySelector('[data-view-mark]')).toBeNull();
  });

  it('frozen: the figure stays, the mark gives the snapshot time (UTC+7) and counts the changed figures; live shows the new one', () => {
    const store = wallStore(snapshot(), wallStateWith(tiles));
    const { container } = showWall(store);
    act(() => store.setView(view({ freeze: { at: '2026-01-06T03:05:00.000Z', seq: 10 } })));
    expect(container.querySelector('[data-view-field="frozen-at"]')!.textContent).toBe('Đã dừng lúc 10:05');
    expect(container.querySelector('[data-view-field="changed"]')).toBeNull();

    act(() => {
      store.ingestChanges({ seq: 11, changes: [{ seq: 11, kind: 'observation', observation: observation('CPI_AVG', '2025-11', 3.41, { vintage: '2026-01-06T10:00:00+07:00' }) }] });
      store.flush();
    });
    expect(text(tileEl(container, 'cpi'), 'value')).toBe('3,29');
    expect(container.querySelector('[data-view-field="changed"]')!.textContent).toBe('1 số liệu mới');

    act(() => store.setView(view({ freeze: null }, 2)));
    expect(text(tileEl(container, 'cpi'), 'value')).toBe('3,41');
    expect(container.querySelector('[data-view-mark]')).toBeNull();
  });

  it('enlarged: the tile spans the whole grid, the others stay mounted but hidden; back to the layout', () => {
    const store = wallStore(snapshot(), wallStateWith(tiles));
    const { container } = showWall(store);
    const box = (id: string) => {
      const s = tileEl(container, id).style;
      return { left: parseFloat(s.left), top: parseFloat(s.top), right: parseFloat(s.left) + parseFloat(s.width), bottom: parseFloat(s.top) + parseFloat(s.height) };
    };
    const [first, last, before] = [box('ban-le-tinh'), box('chuoi'), box('cpi')]; // the grid's first and last cells
    act(() => store.setView(view({ enlargedTileId: 'cpi' })));
    expect(container.querySelector<HTMLElement>('.wall-canvas')!.dataset.enlargedTile).toBe('cpi');
    expect(box('cpi')).toEqual({ left: first.left, top: first.top, right: last.right, bottom: last.bottom });
    expect(tileEl(container, 'ban-le-tinh').closest<HTMLElement>('[data-view-hidden]')!.style.visibility).toBe('hidden');
    expect(tileEl(container, 'cpi').closest<HTMLElement>('[data-view-hidden]')).toBeNull();
    act(() => store.setView(view({ enlargedTileId: null }, 2)));
    expect(box('cpi')).toEqual(before);
    expect(container.querySelector('[data-view-hidden]')).toBeNull();
  });
});
