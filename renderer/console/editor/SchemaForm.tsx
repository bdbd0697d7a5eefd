import { useEffect, useState, type ReactNode } from 'react';
import { say, t } from './texts';
import { branchesOf, branchIndex, childPath, discriminatorOf, fieldId, isObj, startValue, type Obj, type SchemaNode, type Value } from './schema-node';
import type { EditorLang, FieldError } from './types';

/**
 * A form generated from a JSON Schema (a widget's options as zod writes them): enums as
 * choices labelled from x-choices, numbers with their bounds and unit, booleans, texts,
 * objects (a bilingual text is an object of vi and en), lists, and unions (the ticker's
 * motion). A new widget's options need no editor code. Every change goes up with the
 * field's path, which is also the key that coalesces typing into one undo step.
 */

export interface FieldContext {
  lang: EditorLang;
  /** The faults at exactly this path. */
  errorsAt(path: string): ReadonlyArray<FieldError>;
}

interface FieldProps {
  node: SchemaNode;
  value: Value;
  path: string;
  name: string;
  required: boolean;
  ctx: FieldContext;
  onChange(value: Value, path: string): void;
}

function labelOf(node: SchemaNode, name: string, lang: EditorLang): string {
  return node['x-label'] ? say(node['x-label'], lang) : name;
}

export function FieldErrors({ path, ctx }: { path: string; ctx: FieldContext }) {
  const errors = ctx.errorsAt(path);
  if (errors.length === 0) return null;
  return (
    <ul className="ed-field-errors" id={`${fieldId(path)}-errors`} role="alert">
      {errors.map((e, i) => (
        <li key={i}>{ctx.lang === 'en' ? e.message_en : e.message_vi}</li>
      ))}
    </ul>
  );
}

function Help({ node, path, lang }: { node: SchemaNode; path: string; lang: EditorLang }) {
  const parts = [node['x-help'] && say(node['x-help'], lang), node['x-unit'] && `${lang === 'en' ? 'Unit' : 'Đơn vị'}: ${say(node['x-unit'], lang)}`, bounds(node, lang)].filter(Boolean);
  return parts.length > 0 ? (
    <small className="ed-help" id={`${fieldId(path)}-help`}>
      {parts.join(' · ')}
    </small>
  ) : null;
}

function bounds(node: SchemaNode, lang: EditorLang): string | null {
  if (node.type !== 'number' && node.type !== 'integer') return null;
  if (node.minimum === undefined && node.maximum === undefined) return null;
  const from = node.minimum ?? '−∞';
  const to = node.maximum ?? '∞';
  return lang === 'en' ? `from ${from} to ${to}` : `từ ${from} đến ${to}`;
}

function describedBy(path: string, node: SchemaNode, ctx: FieldContext): string | undefined {
  const ids = [];
  if (node['x-help'] || node['x-unit'] || node.minimum !== undefined || node.maximum !== undefined) ids.push(`${fieldId(path)}-help`);
  if (ctx.errorsAt(path).length > 0) ids.push(`${fieldId(path)}-errors`);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Row({ path, node, name, ctx, children }: { path: string; node: SchemaNode; name: string; ctx: FieldContext; children: ReactNode }) {
  return (
    <div className="ed-field" data-path={path}>
      <label htmlFor={fieldId(path)}>{labelOf(node, name, ctx.lang)}</label>
      {children}
      <Help node={node} path={path} lang={ctx.lang} />
      <FieldErrors path={path} ctx={ctx} />
    </div>
  );
}

function EnumField({ node, value, path, name, required, ctx, onChange }: FieldProps) {
  const choices = node['x-choices'];
  const current = value === undefined ? '' : String(value);
  return (
    <Row path={path} node={node} name={name} ctx={ctx}>
      <select
        id={fieldId(path)}
        value={current}
        aria-invalid={ctx.errorsAt(path).length > 0}
        aria-describedby={describedBy(path, node, ctx)}
        onChange={(e) => {
          const raw = e.target.value;
          if (raw === '') return onChange(undefined, path);
          const match = (node.enum ?? []).find((v) => String(v) === raw);
          onChange(match ?? raw, path);
        }}
      >
        {!required && node.default === undefined && <option value="">{say(t.unset, ctx.lang)}</option>}
        {(node.enum ?? []).map((v) => (
          <option key={String(v)} value={String(v)}>
            {choices?.[String(v)] ? say(choices[String(v)]!, ctx.lang) : String(v)}
          </option>
        ))}
      </select>
    </Row>
  );
}

function BooleanField({ node, value, path, name, ctx, onChange }: FieldProps) {
  return (
    <div className="ed-field ed-field--check" data-path={path}>
      <input
        id={fieldId(path)}
        type="checkbox"
        checked={value === true}
        aria-describedby={describedBy(path, node, ctx)}
        onChange={(e) => onChange(e.target.checked, path)}
      />
      <label htmlFor={fieldId(path)}>{labelOf(node, name, ctx.lang)}</label>
      <Help node={node} path={path} lang={ctx.lang} />
      <FieldErrors path={path} ctx={ctx} />
    </div>
  );
}

/** Keeps what is typed ("1," on the way to "1,5") while the stored value stays a number or nothing. */
function NumberField({ node, value, path, name, required, ctx, onChange }: FieldProps) {
  const shown = typeof value === 'number' ? String(value) : '';
  const [text, setText] = useState(shown);
  useEffect(() => {
    setText((now) => (Number(now.replace(',', '.')) === value && now.trim() !== '' ? now : shown));
  }, [shown, value]);
  return (
    <Row path={path} node={node} name={name} ctx={ctx}>
      <input
        id={fieldId(path)}
        type="text"
        inputMode="decimal"
        value={text}
        aria-invalid={ctx.errorsAt(path).length > 0}
        aria-describedby={describedBy(path, node, ctx)}
        onChange={(e) => {
          const raw = e.target.value;
          setText(raw);
          const trimmed = raw.trim().replace(',', '.');
          if (trimmed === '') return onChange(required ? node.default : undefined, path);
          const n = Number(trimmed);
          if (Number.isFinite(n)) onChange(n, path);
        }}
      />
    </Row>
  );
}

function TextField({ node, value, path, name, required, ctx, onChange }: FieldProps) {
  const long = (node.maxLength ?? 0) > 200;
  const common = {
    id: fieldId(path),
    value: typeof value === 'string' ? value : '',
    maxLength: node.maxLength,
    'aria-invalid': ctx.errorsAt(path).length > 0,
    'aria-describedby': describedBy(path, node, ctx),
    onChange: (e: { target: { value: string } }) => onChange(e.target.value === '' && !required ? undefined : e.target.value, path),
  };
  return (
    <Row path={path} node={node} name={name} ctx={ctx}>
      {long ? <textarea rows={5} {...common} /> : <input type="text" {...common} />}
    </Row>
  );
}

function ObjectField({ node, value, path, name, required: isRequired, ctx, onChange }: FieldProps) {
  const obj: Obj = isObj(value) ? value : {};
  const required = new Set(node.required ?? []);
  return (
    <fieldset className="ed-fieldset" data-path={path}>
      <legend>{labelOf(node, name, ctx.lang)}</legend>
      <Help node={node} path={path} lang={ctx.lang} />
      <ObjectFields node={node} value={obj} path={path} ctx={ctx} onChange={(next, at) => onChange(next, at)} requiredKeys={required} dropWhenEmpty={!isRequired} />
      <FieldErrors path={path} ctx={ctx} />
    </fieldset>
  );
}

/** The fields of an object, without its frame. */
export function ObjectFields({
  node,
  value,
  path,
  ctx,
  onChange,
  requiredKeys = new Set(node.required ?? []),
  skip = [],
  dropWhenEmpty = false,
}: {
  node: SchemaNode;
  value: Obj;
  path: string;
  ctx: FieldContext;
  onChange(value: Obj | undefined, path: string): void;
  requiredKeys?: ReadonlySet<string>;
  skip?: ReadonlyArray<string>;
  /** An optional object left with no value (or only empty texts) is removed rather than kept, invalid. */
  dropWhenEmpty?: boolean;
}) {
  return (
    <>
      {Object.entries(node.properties ?? {})
        .filter(([key]) => !skip.includes(key))
        .map(([key, child]) => (
          <SchemaField
            key={key}
            node={child}
            value={value[key]}
            name={key}
            path={childPath(path, key)}
            required={requiredKeys.has(key)}
            ctx={ctx}
            onChange={(v, at) => {
              const next: Obj = Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));
              if (v !== undefined) next[key] = v;
              onChange(dropWhenEmpty && Object.values(next).every((x) => x === undefined || x === '') ? undefined : next, at);
            }}
          />
        ))}
    </>
  );
}

function ArrayField({ node, value, path, name, ctx, onChange }: FieldProps) {
  const list = Array.isArray(value) ? value : [];
  const item = node.items ?? {};
  const full = node.maxItems !== undefined && list.length >= node.maxItems;
  return (
    <fieldset className="ed-fieldset ed-list" data-path={path}>
      <legend>{labelOf(node, name, ctx.lang)}</legend>
      <Help node={node} path={path} lang={ctx.lang} />
      {list.map((entry, i) => (
        <div className="ed-list-item" key={i}>
          <SchemaField
            node={item}
            value={entry}
            name={`${say(t.item, ctx.lang)} ${i + 1}`}
            path={childPath(path, i)}
            required
            ctx={ctx}
            onChange={(v, at) => onChange(list.map((e, j) => (j === i ? v : e)), at)}
          />
          <button type="button" className="ed-small" onClick={() => onChange(list.filter((_, j) => j !== i), path)} aria-label={`${say(t.removeItem, ctx.lang)} ${i + 1}`}>
            {say(t.removeItem, ctx.lang)}
          </button>
        </div>
      ))}
      <button type="button" className="ed-small" disabled={full} onClick={() => onChange([...list, startValue(item)], path)}>
        {say(t.addItem, ctx.lang)}
      </button>
      <FieldErrors path={path} ctx={ctx} />
    </fieldset>
  );
}

/** A union: which branch (by the choice labels, a constant, or the type), then the branch's own fields. */
function UnionField({ node, value, path, name, required, ctx, onChange }: FieldProps) {
  const branches = branchesOf(node);
  // A union of texts (a constant or any text: "latest" or a period) is one text field.
  if (branches.every((b) => b.type === 'string')) return <TextField node={{ ...node, type: 'string' }} value={value} path={path} name={name} required={required} ctx={ctx} onChange={onChange} />;
  const key = discriminatorOf(node);
  const at = branchIndex(node, value);
  const branch = branches[at] ?? {};
  const choiceName = (b: SchemaNode, i: number): string => {
    const constant = key !== null ? b.properties?.[key]?.const : 'const' in b ? b.const : undefined;
    const label = constant !== undefined ? node['x-choices']?.[String(constant)] : undefined;
    if (label) return say(label, ctx.lang);
    if (constant !== undefined) return String(constant);
    return b.type === 'array' ? (ctx.lang === 'en' ? 'A list' : 'Danh sách') : `${i + 1}`;
  };
  return (
    <fieldset className="ed-fieldset" data-path={path}>
      <legend>{labelOf(node, name, ctx.lang)}</legend>
      <select
        id={fieldId(path)}
        aria-label={labelOf(node, name, ctx.lang)}
        value={String(at)}
        onChange={(e) => {
          const chosen = branches[Number(e.target.value)] ?? {};
          const start = startValue(chosen);
          onChange(key !== null && isObj(start) ? { ...start, [key]: chosen.properties?.[key]?.const } : start, path);
        }}
      >
        {branches.map((b, i) => (
          <option key={i} value={String(i)}>
            {choiceName(b, i)}
          </option>
        ))}
      </select>
      <Help node={node} path={path} lang={ctx.lang} />
      {key !== null && isObj(value) ? (
        <ObjectFields node={branch} value={value} path={path} ctx={ctx} skip={[key]} requiredKeys={new Set([key, ...(branch.required ?? [])])} onChange={(v, p) => onChange(v, p)} />
      ) : 'const' in branch ? null : (
        <SchemaField node={branch} value={value} path={path} name={name} required ctx={ctx} onChange={onChange} />
      )}
      <FieldErrors path={path} ctx={ctx} />
    </fieldset>
  );
}

export function SchemaField(props: FieldProps) {
  const { node } = props;
  if (node.oneOf || node.anyOf) return <UnionField {...props} />;
  if (node.enum) return <EnumField {...props} />;
  switch (node.type) {
    case 'boolean':
      return <BooleanField {...props} />;
    case 'integer':
    case 'number':
      return <NumberField {...props} />;
    case 'string':
      return <TextField {...props} />;
    case 'object':
      return <ObjectField {...props} />;
    case 'array':
      return <ArrayField {...props} />;
    default:
      return (
        <div className="ed-field" data-path={props.path}>
          <span>{labelOf(node, props.name, props.ctx.lang)}</span>
          <code>{JSON.stringify(props.value)}</code>
        </div>
      );
  }
}

/** The form of a whole options object. */
export function SchemaForm({ schema, value, path, ctx, onChange }: { schema: SchemaNode; value: Obj; path: string; ctx: FieldContext; onChange(value: Obj, path: string): void }) {
  return (
    <div className="ed-schema-form" data-path={path}>
      <ObjectFields node={schema} value={value} path={path} ctx={ctx} requiredKeys={new Set(schema.required ?? [])} onChange={(v, at) => onChange(v ?? {}, at)} />
      <FieldErrors path={path} ctx={ctx} />
    </div>
  );
}
