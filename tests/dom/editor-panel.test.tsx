import { useState } from 'react';
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { PropertyPanel } from '../../renderer/console/editor/PropertyPanel';
import { SchemaForm, type FieldContext } from '../../renderer/console/editor/SchemaForm';
import type { Obj, SchemaNode } from '../../renderer/console/editor/schema-node';
import type { FieldError } from '../../renderer/console/editor/types';
import type { Layout, Tile } from '../../shared/layout/schema';
import { option } from '../../shared/widgets/define';
import { widgetCatalog } from '../../shared/widgets/catalog';
import { byLabel, click, typeInto } from './editor-input';
import { cleanup, render } from './render';

afterEach(cleanup);

/** The options of a widget the editor has never heard of: the panel must come from the schema alone. */
const gaugeOptions = z
  .object({
    style: option(z.enum(['arc', 'bar']).default('arc'), {
      label: { vi: 'Kiểu', en: 'Style' },
      choices: { arc: { vi: 'Cung tròn', en: 'Arc' }, bar: { vi: 'Thanh', en: 'Bar' } },
    }),
    max: option(z.number().int().min(1).max(1000).default(100), { label: { vi: 'Giá trị tối đa', en: 'Maximum' }, unit: { vi: 'điểm', en: 'points' } }),
    glow: option(z.boolean().default(false), { label: { vi: 'Phát sáng', en: 'Glow' }, help: { vi: 'Viền sáng quanh kim', en: 'A glow around the needle' } }),
    caption: option(
      z
        .object({
          vi: option(z.string().min(1).max(40), { label: { vi: 'Tiếng Việt', en: 'Vietnamese' } }),
          en: option(z.string().min(1).max(40).optional(), { label: { vi: 'Tiếng Anh', en: 'English' } }),
        })
        .strict()
        .optional(),
      { label: { vi: 'Chú thích', en: 'Caption' } },
    ),
    marks: option(z.array(z.number().min(0).max(10)).max(3).default([]), { label: { vi: 'Vạch chia', en: 'Marks' } }),
  })
  .strict();
const gaugeSchema = z.toJSONSchema(gaugeOptions, { io: 'input' }) as SchemaNode;
const PATH = '$.tiles[0].options';

function Form({ lang = 'vi', errors = [] as FieldError[], seen }: { lang?: 'vi' | 'en'; errors?: FieldError[]; seen: Obj[] }) {
  const [value, setValue] = useState<Obj>(gaugeOptions.parse({}));
  const ctx: FieldContext = { lang, errorsAt: (path) => errors.filter((e) => e.path === path) };
  return (
    <SchemaForm
      schema={gaugeSchema}
      value={value}
      path={PATH}
      ctx={ctx}
      onChange={(next) => {
        seen.push(next);
        setValue(next);
      }}
    />
  );
}

describe('a property panel generated from an options schema', () => {
  it('an enum is a choice with its labels, a number shows its bounds and unit, a boolean is a box, a bilingual text has both languages, a list grows', () => {
    const seen: Obj[] = [];
    const { container } = render(<Form seen={seen} />);
    const style = byLabel<HTMLSelectElement>(container, 'Kiểu');
    expect([...style.options].map((o) => o.textContent)).toEqual(['Cung tròn', 'Thanh']);
    typeInto(style, 'bar');
    expect(seen.at(-1)).toMatchObject({ style: 'bar' });

    const max = byLabel(container, 'Giá trị tối đa');
    expect(document.getElementById(max.getAttribute("aria-describedby")!)?.textContent).toBe('Đơn vị: điểm · từ 1 đến 1000');
    typeInto(max, '250');
    expect(seen.at(-1)).toMatchObject({ style: 'bar', max: 250 });

    const glow = byLabel(container, 'Phát sáng');
    expect(glow.type).toBe('checkbox');
    click(glow);
    expect(seen.at(-1)).toMatchObject({ glow: true });

    const caption = [...container.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === 'Chú thích')!;
    typeInto(byLabel(caption, 'Tiếng Việt'), 'Tăng trưởng');
    typeInto(byLabel(caption, 'Tiếng Anh'), 'Growth');
    expect(seen.at(-1)).toMatchObject({ caption: { vi: 'Tăng trưởng', en: 'Growth' } });
    // Emptied, an optional text object goes away rather than staying invalid.
    typeInto(byLabel(caption, 'Tiếng Anh'), '');
    typeInto(byLabel(caption, 'Tiếng Việt'), '');
    expect(seen.at(-1)).not.toHaveProperty('caption');

    const marks = [...container.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === 'Vạch chia')!;
    const add = [...marks.querySelectorAll('button')].find((b) => b.textContent === 'Thêm mục')!;
    click(add);
    click(add);
    expect(seen.at(-1)).toMatchObject({ marks: [0, 0] });
    click(add);
    expect(add.disabled).toBe(true); // at most 3
    expect(gaugeOptions.safeParse(seen.at(-1)).success).toBe(true);
  });

  it('speaks English when asked', () => {
    const { container } = render(<Form seen={[]} lang="en" />);
    expect([...byLabel<HTMLSelectElement>(container, 'Style').options].map((o) => o.textContent)).toEqual(['Arc', 'Bar']);
    expect(byLabel(container, 'Maximum')).toBeTruthy();
  });

  it('shows an error at the field it concerns, tied to the control', () => {
    const error: FieldError = { path: `${PATH}.max`, message_vi: 'Quá lớn: tối đa 1000', message_en: 'Too big: at most 1000' };
    const { container } = render(<Form seen={[]} errors={[error]} />);
    const max = byLabel(container, 'Giá trị tối đa');
    expect(max.getAttribute('aria-invalid')).toBe('true');
    const alert = container.querySelector(`[data-path="${PATH}.max"] [role="alert"]`);
    expect(alert?.textContent).toBe('Quá lớn: tối đa 1000');
    expect(max.getAttribute('aria-describedby')).toContain(alert!.id);
  });
});

describe("a real widget's panel", () => {
  const ticker = { id: 't', widget: 'ticker', x: 0, y: 11, w: 24, h: 1, optionsVersion: 2, options: widgetCatalog.ticker.optionsSchema.parse({}) } as Tile;
  const layout: Layout = { schemaVersion: 1, id: 'thu', title: { vi: 'Thử' }, grid: { columns: 24, rows: 12 }, tiles: [ticker] };

  it("the ticker's motion is a choice between its forms, each with its own settings and their defaults", () => {
    const edits: Layout[] = [];
    const ctx: FieldContext = { lang: 'vi', errorsAt: () => [] };
    const { container } = render(<PropertyPanel layout={layout} tile={ticker} index={0} ctx={ctx} client={undefined} onEdit={(l) => edits.push(l)} onPlace={() => {}} onRemove={() => {}} />);
    const motion = [...container.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === 'Cách hiển thị')!;
    const select = motion.querySelector('select')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Chạy chữ từ phải sang trái', 'Từng cảnh báo một, lần lượt']);
    expect(byLabel(motion, 'Tốc độ chạy chữ')).toBeTruthy();
    typeInto(select, '1');
    expect(edits.at(-1)!.tiles[0]!.options).toMatchObject({ motion: { mode: 'page', seconds: 8 } });
    // No binding for a ticker; its title in both languages.
    expect(container.textContent).toContain('Ô này không hiển thị chỉ tiêu');
    typeInto(byLabel(container, 'Tiếng Việt'), 'Cảnh báo');
    expect(edits.at(-1)!.tiles[0]!.title).toEqual({ vi: 'Cảnh báo' });
  });
});
