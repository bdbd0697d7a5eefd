import type { Bilingual } from '../../../shared/i18n';

/**
 * The part of a JSON Schema (as zod's toJSONSchema writes a widget's options, input side)
 * that a property panel reads, with the x- metadata of shared/widgets/define.ts's option().
 */
export interface SchemaNode {
  type?: string;
  enum?: ReadonlyArray<string | number>;
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  properties?: Readonly<Record<string, SchemaNode>>;
  required?: ReadonlyArray<string>;
  items?: SchemaNode;
  anyOf?: ReadonlyArray<SchemaNode>;
  oneOf?: ReadonlyArray<SchemaNode>;
  'x-label'?: Bilingual;
  'x-help'?: Bilingual;
  'x-unit'?: Bilingual;
  'x-choices'?: Readonly<Record<string, Bilingual>>;
}

export type Value = unknown;
export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The branches of a union node (anyOf or oneOf). */
export const branchesOf = (node: SchemaNode): ReadonlyArray<SchemaNode> => node.oneOf ?? node.anyOf ?? [];

/** For a union of objects told apart by one constant property (ticker motion's `mode`): that property. */
export function discriminatorOf(node: SchemaNode): string | null {
  const branches = branchesOf(node);
  if (branches.length < 2 || !branches.every((b) => b.properties)) return null;
  const first = branches[0]!.properties!;
  for (const key of Object.keys(first)) {
    if (branches.every((b) => b.properties?.[key] && 'const' in b.properties[key]!)) return key;
  }
  return null;
}

/** A starting value for a node: its default, else the simplest value of its type. */
export function startValue(node: SchemaNode): Value {
  if (node.default !== undefined) return structuredClone(node.default);
  if ('const' in node) return node.const;
  if (node.enum) return node.enum[0];
  const branches = branchesOf(node);
  if (branches.length > 0) return startValue(branches[0]!);
  switch (node.type) {
    case 'boolean':
      return false;
    case 'integer':
    case 'number':
      return node.minimum ?? 0;
    case 'string':
      return '';
    case 'array':
      return [];
    case 'object': {
      const out: Obj = {};
      for (const key of node.required ?? []) {
        const child = node.properties?.[key];
        if (child) out[key] = startValue(child);
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** Which branch of a union a value is of: the one whose constant or type it matches. */
export function branchIndex(node: SchemaNode, value: Value): number {
  const branches = branchesOf(node);
  const key = discriminatorOf(node);
  if (key !== null) {
    const at = branches.findIndex((b) => isObj(value) && b.properties?.[key]?.const === value[key]);
    return at < 0 ? 0 : at;
  }
  const exact = branches.findIndex((b) => 'const' in b && b.const === value);
  if (exact >= 0) return exact;
  const typed = branches.findIndex((b) => !('const' in b) && (b.type === 'array' ? Array.isArray(value) : b.type === typeof value));
  return typed < 0 ? 0 : typed;
}

/** A JSON path one step further, written as shared/validation/errors's jsonPath writes it. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** An element id from a JSON path. */
export const fieldId = (path: string): string => `ed-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
