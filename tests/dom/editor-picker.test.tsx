import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BindingPicker } from '../../renderer/console/editor/BindingPicker';
import type { FieldContext } from '../../renderer/console/editor/SchemaForm';
import { WallStoreProvider } from '../../renderer/store/context';
import { createWallStore } from '../../renderer/store/wallStore';
import { acceptSnapshot } from '../../renderer/feed/ingest';
import type { Binding } from '../../shared/layout/schema';
import { byLabel, catalogueClient, click, typeInto } from './editor-input';
import { seededSnapshot } from './fixtures';
import { cleanup, render } from './render';

afterEach(cleanup);

function setup(binding: Binding | undefined, arity: 'one' | 'many' = 'one') {
  const requests: string[] = [];
  const client = catalogueClient(requests);
  const store = createWallStore({ schedule: () => () => {} });
  expect(acceptSnapshot(store, seededSnapshot())).toBe(true);
  store.flush();
  const changes: Binding[] = [];
  const ctx: FieldContext = { lang: 'vi', errorsAt: () => [] };
  const r = render(
    <WallStoreProvider store={store}>
      <BindingPicker binding={binding} arity={arity} path="$.tiles[0].binding" client={client} ctx={ctx} onChange={(b) => changes.push(b)} />
    </WallStoreProvider>,
  );
  return { ...r, changes, requests };
}

const results = (root: ParentNode) => [...root.querySelectorAll<HTMLButtonElement>('button[data-indicator]')].map((b) => b.dataset.indicator);

describe('the data-binding picker', () => {
  it('asks the catalogue route, then finds GDP growth by "tang truong", grouped under its field, with unit, periodicity, latest figure and age', async () => {
    const { container, changes, requests } = setup(undefined);
    await vi.waitFor(() => expect(results(container).length).toBeGreaterThan(0));
    expect(requests).toEqual(['http://wall.test/api/v1/indicators']);
    typeInto(byLabel(container, 'Tìm chỉ tiêu theo mã hoặc tên (có dấu hoặc không dấu)'), 'tang truong');
    expect(results(container)).toContain('GDP_GROWTH');
    const group = container.querySelector('.ed-result-group[data-field="economic-growth"]')!;
    expect(group.querySelector('h4')?.textContent).toBe('Tăng trưởng kinh tế');
    const gdp = group.querySelector<HTMLButtonElement>('button[data-indicator="GDP_GROWTH"]')!;
    expect(gdp.textContent).toMatch(/^GDP_GROWTH Tốc độ tăng GDP% so với cùng kỳ · hằng quý · Số liệu mới nhất: \d+,\d+ % so với cùng kỳ \(\d{4}(-Q\d)?\) · \d+ (ngày|tháng|năm) trước/);
    click(gdp);
    expect(changes.at(-1)).toEqual({ indicators: ['GDP_GROWTH'], region: 'VN' });
  });

  it('with or without diacritics, đ as d, by code and by English name', async () => {
    const { container } = setup(undefined);
    await vi.waitFor(() => expect(results(container).length).toBeGreaterThan(0));
    const search = byLabel(container, 'Tìm chỉ tiêu theo mã hoặc tên (có dấu hoặc không dấu)');
    typeInto(search, 'đầu tư');
    const withMarks = results(container);
    expect(withMarks.length).toBeGreaterThan(0);
    typeInto(search, 'dau tu');
    expect(results(container)).toEqual(withMarks);
    typeInto(search, 'cpi_avg');
    expect(results(container)[0]).toBe('CPI_AVG');
    typeInto(search, 'GDP growth');
    expect(results(container)[0]).toBe('GDP_GROWTH');
    typeInto(search, 'xyzxyz');
    expect(container.textContent).toContain('Không tìm thấy chỉ tiêu nào');
  });

  it('the region is the whole country or one of the 34 provinces; a many-indicator tile adds to its list', async () => {
    const { container, changes } = setup({ indicators: ['GDP_GROWTH'], region: 'VN' }, 'many');
    await vi.waitFor(() => expect(results(container).length).toBeGreaterThan(0));
    const region = byLabel<HTMLSelectElement>(container, 'Địa bàn');
    expect(region.options).toHaveLength(35);
    expect(region.options[0]!.textContent).toBe('Toàn quốc');
    typeInto(region, '79');
    expect(changes.at(-1)).toEqual({ indicators: ['GDP_GROWTH'], region: '79' });
    act(() => container.querySelector<HTMLButtonElement>('button[data-indicator="CPI_AVG"]')!.click());
    expect(changes.at(-1)).toEqual({ indicators: ['GDP_GROWTH', 'CPI_AVG'], region: 'VN' });
  });
});
