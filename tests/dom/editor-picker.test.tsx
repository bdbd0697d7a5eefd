import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BindingPicker } from '../../renderer/console/editor/BindingPicker';
import type { FieldContext } from '../../renderer/console/editor/SchemaForm';
import { WallStoreProvider } from '../../renderer/store/context';
import { createWallStore } from '../../renderer/store/wallStore';
import { acceptSnapshot } from '../../renderer/feed/ingest';
import type { Binding } from '../../shared/layout/schema';
import { byLabel, catalogueClient, click, typeInto } from './editor-input';
import type { Observation } from '../../shared/protocol/model';
import { observation, seededSnapshot } from './fixtures';
import { cleanup, render } from './render';

afterEach(cleanup);

function setup(binding: Binding | undefined, arity: 'one' | 'many' = 'one', figures: Observation[] | Promise<Observation[]> | 'server-error' = []) {
  const requests: string[] = [];
  const client = catalogueClient(requests, figures);
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
  return { ...r, changes, requests, client, store, ctx };
}

const results = (root: ParentNode) => [...root.querySelectorAll<HTMLButtonElement>('button[data-indicator]')].map((b) => b.dataset.indicator);

describe('the data-binding picker', () => {
  it('asks the catalogue route, then finds GDP growth by "tang truong", grouped under its field, with unit, periodicity, latest figure and age', async () => {
    const { container, changes, requests } = setup(undefined);
    await vi.waitFor(() => expect(results(container).length).toBeGreaterThan(0));
    expect(requests).toContain('http://wall.test/api/v1/indicators');
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

  it('shows the latest figure the server has of an indicator the feed does not carry, read once for the region', async () => {
    // The feed carries what the wall and the draft bind; the picker reads every indicator's newest year of the region.
    const fdi = observation('FDI_DISBURSED', '2025-10', 18.2, { region: '79' });
    const { container, requests } = setup({ indicators: ['CPI_AVG'], region: '79' }, 'one', [fdi, observation('FDI_DISBURSED', '2025-11', 99, { region: '01' })]);
    const search = byLabel(container, 'Tìm chỉ tiêu theo mã hoặc tên (có dấu hoặc không dấu)');
    typeInto(search, 'FDI_DISBURSED');
    const choice = () => container.querySelector<HTMLButtonElement>('button[data-indicator="FDI_DISBURSED"]')?.textContent ?? '';
    await vi.waitFor(() => expect(choice()).toContain('Số liệu mới nhất: 18,2 tỷ USD (2025-10)'));
    const read = requests.find((u) => u.includes('/api/v1/observations'))!;
    expect(new URL(read).searchParams.get('region')).toBe('79');
    expect(new URL(read).searchParams.get('historyYears')).toBe('1');
    expect(new URL(read).searchParams.has('indicator')).toBe(false);
  });

  it('prefers the feed’s figure when it is newer than the one read', async () => {
    const { container, requests } = setup({ indicators: ['CPI_AVG'], region: 'VN' }, 'one', [observation('GDP_GROWTH', '2019', 1.5)]);
    typeInto(byLabel(container, 'Tìm chỉ tiêu theo mã hoặc tên (có dấu hoặc không dấu)'), 'GDP_GROWTH');
    await vi.waitFor(() => expect(requests.filter((u) => u.includes('/api/v1/observations'))).toHaveLength(1));
    const gdp = () => container.querySelector('button[data-indicator="GDP_GROWTH"]')?.textContent ?? '';
    await vi.waitFor(() => expect(gdp()).toMatch(/Số liệu mới nhất: \d+,\d+ % so với cùng kỳ \(20(2[0-9])/));
    expect(gdp()).not.toContain('(2019)');
  });

  it('says when the server’s read failed, and still shows the feed’s figures', async () => {
    const { container } = setup({ indicators: ['CPI_AVG'], region: 'VN' }, 'one', 'server-error');
    await vi.waitFor(() => expect(container.querySelector('.ed-read-failed')?.textContent).toContain('Không đọc được số liệu mới nhất từ máy chủ'));
    expect(container.querySelector('.ed-read-failed')?.getAttribute('role')).toBe('status');
    typeInto(byLabel(container, 'Tìm chỉ tiêu theo mã hoặc tên (có dấu hoặc không dấu)'), 'GDP_GROWTH');
    expect(container.querySelector('button[data-indicator="GDP_GROWTH"]')?.textContent).toMatch(/Số liệu mới nhất: \d+,\d+ %/);
    // An indicator neither carries is said to have no figure, not to be still reading.
    typeInto(byLabel(container, 'Tìm chỉ tiêu theo mã hoặc tên (có dấu hoặc không dấu)'), 'AGRO_FORESTRY_FISHERY_EXPORTS');
    expect(container.querySelector('button[data-indicator="AGRO_FORESTRY_FISHERY_EXPORTS"]')?.textContent).toContain('Số liệu mới nhất: chưa có số liệu');
  });

  it('says a figure the feed does not carry is being read until the server answers', async () => {
    let answer!: (figures: Observation[]) => void;
    const { container } = setup({ indicators: ['CPI_AVG'], region: 'VN' }, 'one', new Promise<Observation[]>((resolve) => (answer = resolve)));
    await vi.waitFor(() => expect(results(container).length).toBeGreaterThan(0));
    typeInto(byLabel(container, 'Tìm chỉ tiêu theo mã hoặc tên (có dấu hoặc không dấu)'), 'AGRO_FORESTRY_FISHERY_EXPORTS');
    const agro = () => container.querySelector('button[data-indicator="AGRO_FORESTRY_FISHERY_EXPORTS"]')?.textContent ?? '';
    expect(agro()).toContain('Số liệu mới nhất: đang đọc…');
    act(() => answer([observation('AGRO_FORESTRY_FISHERY_EXPORTS', '2025-10', 5.1)]));
    await vi.waitFor(() => expect(agro()).toContain('Số liệu mới nhất: 5,1 tỷ USD (2025-10)'));
  });

  it('a second picker of the same region (the next tile selected) reuses the read; another region reads its own', async () => {
    const { container, requests, client, store, ctx } = setup({ indicators: ['CPI_AVG'], region: 'VN' });
    const reads = () => requests.filter((u) => u.includes('/api/v1/observations')).map((u) => new URL(u).searchParams.get('region'));
    await vi.waitFor(() => expect(reads()).toEqual(['VN']));
    const more = render(
      <WallStoreProvider store={store}>
        <BindingPicker binding={{ indicators: ['GDP_GROWTH'], region: 'VN' }} arity="one" path="$.tiles[1].binding" client={client} ctx={ctx} onChange={() => undefined} />
        <BindingPicker binding={{ indicators: ['GDP_GROWTH'], region: '48' }} arity="one" path="$.tiles[2].binding" client={client} ctx={ctx} onChange={() => undefined} />
      </WallStoreProvider>,
    );
    await vi.waitFor(() => expect(more.container.querySelectorAll('button[data-indicator]').length).toBeGreaterThan(0));
    await vi.waitFor(() => expect(reads()).toEqual(['VN', '48']));
    expect(results(container).length).toBeGreaterThan(0);
  });
});
