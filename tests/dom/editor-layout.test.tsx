import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LayoutEditor } from '../../renderer/console/editor';
import { WallStoreProvider } from '../../renderer/store/context';
import { createWallStore } from '../../renderer/store/wallStore';
import { acceptSnapshot } from '../../renderer/feed/ingest';
import type { FieldError } from '../../renderer/console/editor/types';
import type { Layout, Tile } from '../../shared/layout/schema';
import { wallProfileSchema } from '../../shared/wall/profile';
import { widgetCatalog } from '../../shared/widgets/catalog';
import { projectRoot } from '../support/paths';
import { catalogueClient, click, press } from './editor-input';
import { seededSnapshot } from './fixtures';
import { cleanup, render } from './render';

afterEach(cleanup);
beforeAll(() => {
  // jsdom has no layout: the canvas measures 0×0, which the editor must survive.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});

const profile = wallProfileSchema.parse(JSON.parse(readFileSync(resolve(projectRoot, 'assets/profiles/wall-2x2-55in.json'), 'utf8')));
const kpi = (id: string, x: number, y: number, code: string): Tile =>
  ({ id, widget: 'kpi', x, y, w: 4, h: 3, optionsVersion: 1, options: widgetCatalog.kpi.optionsSchema.parse({}), binding: { indicators: [code], region: 'VN' } }) as Tile;
const start: Layout = { schemaVersion: 1, id: 'thu', title: { vi: 'Thử' }, grid: { columns: 24, rows: 12 }, tiles: [kpi('a', 0, 0, 'GDP_GROWTH'), kpi('b', 4, 0, 'CPI_AVG')] };

function mount(serverErrors: FieldError[] = []) {
  const store = createWallStore({ schedule: () => () => {} });
  expect(acceptSnapshot(store, seededSnapshot())).toBe(true);
  store.flush();
  const seen: Layout[] = [];
  const client = catalogueClient();
  function Shell() {
    const [layout, setLayout] = useState(start);
    return (
      <WallStoreProvider store={store}>
        <LayoutEditor
          layout={layout}
          profile={profile}
          serverErrors={serverErrors}
          client={client}
          onChange={(next) => {
            seen.push(next);
            setLayout(next);
          }}
        />
      </WallStoreProvider>
    );
  }
  return { ...render(<Shell />), seen };
}

const handle = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-handle="${id}"]`)!;
const place = (layout: Layout | undefined, id: string) => {
  const t = layout?.tiles.find((x) => x.id === id);
  return t && { x: t.x, y: t.y, w: t.w, h: t.h };
};

describe('the layout editor', () => {
  it('draws each tile with the real widget and a handle labelled in Vietnamese', () => {
    const { container } = mount();
    expect(container.querySelectorAll('.ed-canvas .tile[data-widget="kpi"]')).toHaveLength(2);
    expect(handle(container, 'a').getAttribute('aria-label')).toMatch(/^Chỉ tiêu chính «a», cột 1, hàng 1, rộng 4, cao 3/);
    expect(handle(container, 'a').tabIndex).toBe(0);
  });

  it('keyboard alone: arrows move, Shift+arrows resize, Delete removes, Ctrl+Z and Ctrl+Y go back and forth', () => {
    const { container, seen } = mount();
    handle(container, 'b').focus();
    press(handle(container, 'b'), 'ArrowDown');
    expect(place(seen.at(-1), 'b')).toEqual({ x: 4, y: 1, w: 4, h: 3 });
    press(handle(container, 'b'), 'ArrowRight', { shiftKey: true });
    expect(place(seen.at(-1), 'b')).toEqual({ x: 4, y: 1, w: 5, h: 3 });
    expect(container.querySelector('.ed-status')?.textContent).toBe('Đã đổi kích thước ô «b»');
    press(handle(container, 'b'), 'Delete');
    expect(place(seen.at(-1), 'b')).toBeUndefined();
    expect(document.activeElement).toBe(handle(container, 'a'));
    press(handle(container, 'a'), 'z', { ctrlKey: true });
    press(handle(container, 'a'), 'z', { ctrlKey: true });
    expect(place(seen.at(-1), 'b')).toEqual({ x: 4, y: 1, w: 4, h: 3 });
    press(handle(container, 'a'), 'y', { ctrlKey: true });
    expect(place(seen.at(-1), 'b')).toEqual({ x: 4, y: 1, w: 5, h: 3 });
  });

  it('Enter opens the tile\'s properties; Escape there goes back to the tile', async () => {
    const { container } = mount();
    handle(container, 'a').focus();
    press(handle(container, 'a'), 'Enter');
    await new Promise<void>((done) => requestAnimationFrame(() => done()));
    const panel = container.querySelector('.ed-side--right')!;
    expect(panel.contains(document.activeElement)).toBe(true);
    press(document.activeElement!, 'Escape');
    expect(document.activeElement).toBe(handle(container, 'a'));
  });

  it('the palette lists every widget of the registry and places a new one at the first free spot, at least its legible size', () => {
    const { container, seen } = mount();
    const buttons = [...container.querySelectorAll<HTMLButtonElement>('[data-add-widget]')];
    expect(buttons.map((b) => b.dataset.addWidget)).toEqual(Object.keys(widgetCatalog));
    click(buttons.find((b) => b.dataset.addWidget === 'kpi')!);
    const added = seen.at(-1)!.tiles.at(-1)!;
    expect(added).toMatchObject({ id: 'kpi-1', widget: 'kpi', x: 8, y: 0, h: 3 });
    // A KPI needs data: the schema's refusal shows in the list, as an error, and at the tile.
    expect(container.querySelector('.ed-warnings li[data-severity="error"][data-path="$.tiles[2].binding"]')).not.toBeNull();
    expect(handle(container, 'kpi-1').dataset.warnings).toContain('schema');
    expect(document.activeElement).toBe(handle(container, 'kpi-1'));
  });

  it("shows the server's refusals at the field they concern", () => {
    const error = { path: '$.tiles[0].options.sparklinePeriods', message_vi: 'Máy chủ từ chối: quá nhiều kỳ', message_en: 'Refused: too many periods' };
    const { container } = mount([error]);
    press(handle(container, 'a'), 'Enter');
    const field = container.querySelector(`.ed-side--right [data-path="${error.path}"]`)!;
    expect(field.querySelector('[role="alert"]')?.textContent).toBe('Máy chủ từ chối: quá nhiều kỳ');
  });
});
