import { interpolateCividis, interpolateViridis } from 'd3';
import { describe, expect, it } from 'vitest';
import {
  choropleth,
  classColours,
  colourScale,
  DARK_TEXT,
  latestProvincePeriod,
  legendModel,
  LIGHT_TEXT,
  niceClasses,
  plausibleValue,
  provinceData,
  selectProvinceSlice,
  textColourOn,
  topProvinces,
  unitMatches,
  viewKey,
  type ProvinceSlice,
} from '../../renderer/widgets/common/map-data';
import { createWallStore, type WallStore } from '../../renderer/store/wallStore';
import type { IndicatorMeta, Observation } from '../../shared/protocol/model';
import { PROVINCE_CODES } from '../../shared/regions';

const VINTAGE = '2025-10-06T09:00:00+07:00';
const meta = (code: string, unit: string): IndicatorMeta => ({
  code,
  name: { vi: `Chỉ tiêu ${code}`, en: `Indicator ${code}` },
  unit,
  periodicity: 'quarter',
  direction: 'up',
});
const obs = (indicator: string, region: string, period: string, value: number | null, extra: Partial<Observation> = {}): Observation => ({
  indicator,
  region,
  period,
  value,
  vintage: VINTAGE,
  status: 'official',
  demo: false,
  provenance: { submissionId: null, agency: `P${region}`, regime: null, source: null },
  ...extra,
});

function storeWith(indicators: IndicatorMeta[], observations: Observation[]): WallStore {
  const store = createWallStore({ schedule: () => () => {} });
  store.ingestSnapshot({ seq: 1, serverTime: VINTAGE, indicators, observations });
  store.flush();
  return store;
}

const GROWTH = meta('PROV_GRDP_GROWTH', '% so với cùng kỳ');
/** 8,0 + 0,1 × index: Hà Nội (index 0) 8, Cà Mau (index 33) 11,3. */
const growth = (period = '2025-Q3') => PROVINCE_CODES.map((code, i) => obs(GROWTH.code, code, period, Math.round((8 + 0.1 * i) * 10) / 10));

describe('the store slice of one indicator across the 34 provinces', () => {
  it('takes the newest period any province reported; a province without it shows no data', () => {
    const store = storeWith([GROWTH], [...growth('2025-Q2'), obs(GROWTH.code, '01', '2025-Q3', 9.1), obs(GROWTH.code, 'VN', '2025-Q4', 8)]);
    const state = store.api.getState();
    expect(latestProvincePeriod(state, GROWTH.code)).toBe('2025-Q3'); // the national Q4 is not a province's
    const slice = selectProvinceSlice(state, GROWTH.code);
    expect(slice.period).toBe('2025-Q3');
    expect(slice.observations).toHaveLength(34);
    expect(slice.observations[0]?.value).toBe(9.1);
    expect(slice.observations.slice(1).filter((o) => o !== undefined)).toEqual([]);
    // A fixed period wins.
    expect(selectProvinceSlice(state, GROWTH.code, '2025-Q2').observations.filter(Boolean)).toHaveLength(34);
  });

  it('returns the previous slice object when nothing it shows changed, a new one when a province did', () => {
    const store = storeWith([GROWTH, meta('GDP_GROWTH', '%')], growth());
    const first = selectProvinceSlice(store.api.getState(), GROWTH.code);
    // Another indicator, and the national figure of this one: same slice.
    store.ingestChanges({ seq: 2, changes: [{ seq: 2, kind: 'observation', observation: obs('GDP_GROWTH', 'VN', '2025-Q3', 8.2) }] });
    store.flush();
    expect(selectProvinceSlice(store.api.getState(), GROWTH.code, undefined, first)).toBe(first);
    // A province's new figure: a new slice.
    store.ingestChanges({
      seq: 3,
      changes: [{ seq: 3, kind: 'observation', observation: obs(GROWTH.code, '79', '2025-Q3', 7.5, { vintage: '2025-10-07T09:00:00+07:00' }) }],
    });
    store.flush();
    const next = selectProvinceSlice(store.api.getState(), GROWTH.code, undefined, first);
    expect(next).not.toBe(first);
    expect(next.observations[PROVINCE_CODES.indexOf('79')]?.value).toBe(7.5);
  });

  it('has no period and no figures for an unbound or unknown indicator', () => {
    const store = storeWith([GROWTH], growth());
    expect(selectProvinceSlice(store.api.getState(), null)).toMatchObject({ indicator: null, period: null });
    expect(selectProvinceSlice(store.api.getState(), 'NOPE').period).toBeNull();
  });
});

const sliceOf = (unit: string, values: (number | null | undefined | string)[], period = '2025-Q3'): ProvinceSlice => ({
  indicator: 'X',
  meta: meta('X', unit),
  period,
  observations: PROVINCE_CODES.map((code, i) => {
    const v = values[i];
    if (v === undefined) return undefined;
    return obs('X', code, period, v as number | null);
  }),
});

describe('bad data is "no data" for that province, never a crash', () => {
  it('tells missing, null, not a number and impossible figures apart', () => {
    const values: (number | null | undefined | string)[] = PROVINCE_CODES.map(() => 50);
    values[0] = undefined; // not reported
    values[1] = null; // reported as "no data"
    values[2] = Number.NaN; // a broken number
    values[3] = '12' as unknown as number; // a string where a number belongs
    values[4] = Number.POSITIVE_INFINITY;
    values[5] = 9500; // a share of the population over 100 %: the wrong unit
    values[6] = -3; // a negative share
    const data = provinceData(sliceOf('% dân số', values));
    expect(data.slice(0, 8).map((d) => d.reason)).toEqual(['missing', 'null', 'not-finite', 'not-finite', 'not-finite', 'implausible', 'implausible', null]);
    expect(data.slice(0, 7).map((d) => d.value)).toEqual(Array(7).fill(null));
    expect(data[7]!.value).toBe(50);
  });

  it('judges plausibility by unit: shares 0–100, counts ≥ 0, growth and plan shares anything finite', () => {
    expect(plausibleValue(101, '% dân số')).toBe(false);
    expect(plausibleValue(99.5, '% số hồ sơ')).toBe(true);
    expect(plausibleValue(130, '% kế hoạch')).toBe(true);
    expect(plausibleValue(-4.2, '% so với cùng kỳ')).toBe(true);
    expect(plausibleValue(-1, 'vụ')).toBe(false);
    expect(plausibleValue(0, 'người')).toBe(true);
    expect(plausibleValue(Number.NaN, 'tỷ đồng')).toBe(false);
  });

  it('shows every province as no data when the indicator is not in the unit the tile expects', () => {
    expect(unitMatches('tỷ đồng', 'tỷ  đồng ')).toBe(true);
    expect(unitMatches('nghìn tỷ đồng', 'tỷ đồng')).toBe(false);
    const view = choropleth(sliceOf('nghìn tỷ đồng', PROVINCE_CODES.map(() => 5)), { scheme: 'cividis', classes: 5, expectUnit: 'tỷ đồng' });
    expect(view.withData).toBe(0);
    expect(view.provinces.filter((p) => !(p.reason === 'wrong-unit' && p.fill === null))).toEqual([]);
    expect(view.header.wrongUnit).toEqual({ expected: 'tỷ đồng', actual: 'nghìn tỷ đồng' });
    expect(view.legend.entries).toEqual([{ kind: 'no-data', colour: null, label: 'Chưa có số liệu', count: 34 }]);
  });
});

describe('colour scale: equal classes with round bounds, colour-blind-safe ramps', () => {
  it('picks the smallest round step that covers the range in at most n classes', () => {
    expect(niceClasses(4.2, 11.8, 5)).toEqual({ start: 4, step: 2, count: 4 });
    expect(niceClasses(0, 10, 5)).toEqual({ start: 0, step: 2, count: 5 });
    expect(niceClasses(88, 99.5, 5)).toEqual({ start: 87.5, step: 2.5, count: 5 });
    expect(niceClasses(120, 48_000, 5)).toEqual({ start: 0, step: 10_000, count: 5 });
  });

  it('colours from cividis (or viridis), skipping the darkest end that vanishes on the dark tile', () => {
    const cividis = classColours('cividis', 5);
    expect(cividis[0]).toBe(interpolateCividis(0.18));
    expect(cividis[4]).toBe(interpolateCividis(1));
    expect(classColours('viridis', 3)).toEqual([interpolateViridis(0.18), interpolateViridis(0.59), interpolateViridis(1)]);
  });

  it('puts each value in its class; the top bound belongs to the last class', () => {
    const scale = colourScale([4.2, 6, 7.99, 8, 11.8], { scheme: 'cividis', classes: 5 })!;
    expect(scale.classes.map((c) => [c.lower, c.upper])).toEqual([
      [4, 6],
      [6, 8],
      [8, 10],
      [10, 12],
    ]);
    expect([4.2, 6, 7.99, 8, 11.8, 12].map(scale.classOf)).toEqual([0, 1, 1, 2, 3, 3]);
    expect(scale.decimals).toBe(0);
  });

  it('keeps a fixed domain exactly and clamps values outside it', () => {
    const scale = colourScale([-5, 50, 250], { scheme: 'cividis', classes: 4, domain: { min: 0, max: 100 } })!;
    expect(scale.classes.map((c) => c.lower)).toEqual([0, 25, 50, 75]);
    expect(scale.classOf(-5)).toBe(0);
    expect(scale.classOf(250)).toBe(3);
  });

  it('has one class when every figure is the same, and none without figures', () => {
    const one = colourScale([7, 7, 7], { scheme: 'cividis', classes: 5 })!;
    expect(one.classes).toHaveLength(1);
    expect(colourScale([], { scheme: 'cividis', classes: 5 })).toBeNull();
  });

  it('writes white on the dark classes and near-black on the bright ones', () => {
    expect(textColourOn(interpolateCividis(0.18))).toBe(LIGHT_TEXT);
    expect(textColourOn(interpolateCividis(1))).toBe(DARK_TEXT);
    expect(textColourOn('rgb(255, 234, 70)')).toBe(DARK_TEXT);
  });
});

describe('legend', () => {
  it('lists classes highest first in vi-VN numbers, then "Chưa có số liệu" with its count, under the unit', () => {
    const values: (number | undefined)[] = PROVINCE_CODES.map((_, i) => 88 + (i % 12));
    values[10] = undefined;
    values[11] = undefined;
    const view = choropleth(sliceOf('% dân số', values), { scheme: 'cividis', classes: 5 });
    expect(view.legend.unit).toBe('% dân số');
    expect(view.legend.entries.map((e) => e.label)).toEqual(['97,5 – 100,0', '95,0 – 97,5', '92,5 – 95,0', '90,0 – 92,5', '87,5 – 90,0', 'Chưa có số liệu']);
    expect(view.legend.entries.at(-1)).toMatchObject({ kind: 'no-data', colour: null, count: 2 });
    expect(view.legend.entries.reduce((n, e) => n + e.count, 0)).toBe(34);
  });

  it('formats thousands the Vietnamese way', () => {
    const scale = colourScale([120, 48_000], { scheme: 'cividis', classes: 5 });
    const legend = legendModel(scale, [], 'tỷ đồng');
    expect(legend.entries.map((e) => e.label)).toEqual(['40.000 – 50.000', '30.000 – 40.000', '20.000 – 30.000', '10.000 – 20.000', '0 – 10.000']);
  });
});

describe('the whole view', () => {
  it('gives each province its fill, ink and vi-VN figure; the highlight repeats in the header', () => {
    const view = choropleth(sliceOf('% so với cùng kỳ', PROVINCE_CODES.map((_, i) => 8 + i * 0.1)), { scheme: 'cividis', classes: 5, highlight: '79' });
    const hcm = view.byCode.get('79')!;
    expect(hcm.valueText).toBe('10,7');
    expect(hcm.fill).toMatch(/^(#|rgb)/);
    // Figures rise with the province's index: Hồ Chí Minh ranks after every province listed after it.
    const place = PROVINCE_CODES.length - PROVINCE_CODES.indexOf('79');
    expect(view.header.highlight).toEqual({ code: '79', name: 'Hồ Chí Minh', valueText: '10,7', rank: `hạng ${place}/34`, rankEn: `rank ${place}/34` });
    expect(view.header.period).toEqual({ vi: 'Quý 3/2025', en: 'Q3 2025' });
    expect(view.withData).toBe(34);
  });

  it('has a view key that changes with what the legend and header say, not with identical recomputation', () => {
    const slice = sliceOf('vụ', PROVINCE_CODES.map((_, i) => i));
    const a = choropleth(slice, { scheme: 'cividis', classes: 5 });
    expect(viewKey(choropleth(slice, { scheme: 'cividis', classes: 5 }))).toBe(viewKey(a));
    expect(viewKey(choropleth(slice, { scheme: 'viridis', classes: 5 }))).not.toBe(viewKey(a));
  });

  it('ranks the top provinces, highest first, ties by code, never one without a figure', () => {
    const rows = [
      { code: '01', value: 5 },
      { code: '79', value: 9 },
      { code: '48', value: 9 },
      { code: '92', value: null },
      { code: '96', value: 1 },
    ];
    expect(topProvinces(rows, 3).map((r) => r.code)).toEqual(['48', '79', '01']);
    expect(topProvinces(rows, 10)).toHaveLength(4);
    expect(topProvinces(rows, 0)).toEqual([]);
  });
});
