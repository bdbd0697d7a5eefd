import { useMemo } from 'react';
import { z } from 'zod';
import type { Binding, Layout, LocalizedText, Tile } from '../../../shared/layout/schema';
import { widgetSpecFor } from '../../../shared/widgets/catalog';
import type { ApiClient } from '../../api/client';
import { BindingPicker } from './BindingPicker';
import type { Place } from './edits';
import { FieldErrors, SchemaForm, type FieldContext } from './SchemaForm';
import { childPath, fieldId, type Obj, type SchemaNode } from './schema-node';
import { say, t } from './texts';

const schemas = new Map<string, SchemaNode>();

/** A widget's options as JSON Schema (input side, with the x- metadata), made once per widget. */
export function optionsSchemaOf(widget: string): SchemaNode | null {
  const spec = widgetSpecFor(widget);
  if (!spec) return null;
  let node = schemas.get(spec.id);
  if (!node) {
    node = z.toJSONSchema(spec.optionsSchema, { io: 'input', unrepresentable: 'any' }) as SchemaNode;
    schemas.set(spec.id, node);
  }
  return node;
}

/** Options as the loader hands them on (defaults applied) when valid; as typed otherwise, so the fault shows at its field. */
function normalisedOptions(widget: string, options: Obj): Obj {
  const parsed = widgetSpecFor(widget)?.optionsSchema.safeParse(options);
  return parsed?.success ? (parsed.data as Obj) : options;
}

interface Props {
  layout: Layout;
  tile: Tile;
  index: number;
  ctx: FieldContext;
  client: ApiClient | undefined;
  onEdit(layout: Layout, key: string): void;
  onPlace(place: Place): void;
  onRemove(): void;
}

/** Everything of one tile: title, place, options (generated from the widget's schema) and data. */
export function PropertyPanel({ layout, tile, index, ctx, client, onEdit, onPlace, onRemove }: Props) {
  const { lang } = ctx;
  const spec = widgetSpecFor(tile.widget);
  const schema = useMemo(() => optionsSchemaOf(tile.widget), [tile.widget]);
  const path = `$.tiles[${index}]`;
  const replace = (next: Tile, key: string) => onEdit({ ...layout, tiles: layout.tiles.map((t) => (t.id === tile.id ? next : t)) }, key);

  const setTitle = (lang2: 'vi' | 'en', text: string) => {
    const current: Partial<LocalizedText> = tile.title ?? {};
    const next: Partial<LocalizedText> = { ...current, [lang2]: text === '' ? undefined : text };
    if (next.en === undefined) delete next.en;
    const { title: _drop, ...rest } = tile;
    void _drop;
    const withTitle = next.vi === undefined && next.en === undefined ? rest : { ...rest, title: next as LocalizedText };
    replace(withTitle as Tile, `${path}.title.${lang2}`);
  };

  const place = (key: keyof Place, raw: string, offset: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n)) return;
    onPlace({ x: tile.x, y: tile.y, w: tile.w, h: tile.h, [key]: n - offset });
  };

  return (
    <section className="ed-panel" aria-labelledby="ed-panel-title" data-tile={tile.id}>
      <h3 id="ed-panel-title">
        {say(t.properties, lang)}: {spec ? say(spec.name, lang) : tile.widget} «{tile.id}»
      </h3>
      <FieldErrors path={path} ctx={ctx} />
      <FieldErrors path={childPath(path, 'widget')} ctx={ctx} />
      <FieldErrors path={childPath(path, 'id')} ctx={ctx} />
      <fieldset className="ed-fieldset">
        <legend>{say(t.tileTitle, lang)}</legend>
        {(['vi', 'en'] as const).map((l) => (
          <div className="ed-field" key={l}>
            <label htmlFor={fieldId(`${path}.title.${l}`)}>{say(l === 'vi' ? t.vietnamese : t.english, lang)}</label>
            <input id={fieldId(`${path}.title.${l}`)} type="text" maxLength={200} value={tile.title?.[l] ?? ''} onChange={(e) => setTitle(l, e.target.value)} />
            <FieldErrors path={`${path}.title.${l}`} ctx={ctx} />
          </div>
        ))}
        <FieldErrors path={childPath(path, 'title')} ctx={ctx} />
      </fieldset>
      <fieldset className="ed-fieldset ed-place">
        <legend>{say(t.position, lang)}</legend>
        {(
          [
            ['x', t.column, 1, layout.grid.columns],
            ['y', t.row, 1, layout.grid.rows],
            ['w', t.width, 0, layout.grid.columns],
            ['h', t.height, 0, layout.grid.rows],
          ] as const
        ).map(([key, label, offset, max]) => (
          <div className="ed-field" key={key}>
            <label htmlFor={fieldId(childPath(path, key))}>{say(label, lang)}</label>
            <input
              id={fieldId(childPath(path, key))}
              type="number"
              min={offset === 1 ? 1 : 1}
              max={max}
              value={tile[key] + offset}
              onChange={(e) => place(key, e.target.value, offset)}
            />
            <FieldErrors path={childPath(path, key)} ctx={ctx} />
          </div>
        ))}
      </fieldset>
      {spec && spec.binding !== 'none' ? (
        <BindingPicker
          binding={tile.binding}
          arity={spec.binding}
          path={childPath(path, 'binding')}
          client={client}
          ctx={ctx}
          onChange={(binding: Binding, key) => replace({ ...tile, binding } as Tile, key)}
        />
      ) : (
        <p className="ed-note">{say(t.noBinding, lang)}</p>
      )}
      {schema && (
        <fieldset className="ed-fieldset ed-options">
          <legend>{say(t.options, lang)}</legend>
          <SchemaForm
            schema={schema}
            value={tile.options as Obj}
            path={childPath(path, 'options')}
            ctx={ctx}
            onChange={(options, key) => replace({ ...tile, options: normalisedOptions(tile.widget, options) } as Tile, key)}
          />
        </fieldset>
      )}
      <button type="button" className="ed-danger" onClick={onRemove}>
        {say(t.removeTile, lang)}
      </button>
    </section>
  );
}
