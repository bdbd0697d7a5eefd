import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { widgetSpecs } from '../../shared/widgets/catalog';

/**
 * A console will build each widget's property panel from its options schema, through the
 * JSON Schema zod generates from it (the same one layouts/layout.schema.json holds). This
 * checks that every option carries what a panel needs: a label in both languages, a label
 * for every choice of an enum, bounds for every whole number, a length limit for every text
 * and list, and a default that the schema itself accepts.
 */

type Node = Record<string, unknown>;

/** Numbers that are free by nature: a value in the indicator's unit (thresholds, reference line, a fixed colour range). */
const FREE_NUMBERS = new Set(['good', 'bad', 'referenceValue', 'value', 'min', 'max']);
/** Texts checked by code the JSON Schema cannot express (shared/period.ts's parsePeriod), bounded by the loader's structure limits. */
const FREE_TEXTS = new Set(['period']);

const isBilingual = (v: unknown) => typeof v === 'object' && v !== null && typeof (v as Node).vi === 'string' && (v as Node).vi !== '' && typeof (v as Node).en === 'string' && (v as Node).en !== '';

function problemsOf(node: Node, path: string, key: string, problems: string[]): void {
  const branches = [...((node.anyOf as Node[] | undefined) ?? []), ...((node.oneOf as Node[] | undefined) ?? [])];
  for (const branch of branches) problemsOf(branch, path, key, problems);
  if (Array.isArray(node.enum)) {
    const choices = node['x-choices'] as Node | undefined;
    for (const value of node.enum as string[]) if (!choices || !isBilingual(choices[value])) problems.push(`${path}: choice ${JSON.stringify(value)} has no label`);
  }
  if (node.type === 'integer' && (node.minimum === undefined || node.maximum === undefined)) problems.push(`${path}: a whole number without both bounds`);
  if (node.type === 'number' && !('const' in node) && !FREE_NUMBERS.has(key) && (node.minimum === undefined || node.maximum === undefined)) {
    problems.push(`${path}: a number without both bounds`);
  }
  if (node.type === 'string' && !node.enum && !('const' in node) && node.maxLength === undefined && node.pattern === undefined && !FREE_TEXTS.has(key)) {
    problems.push(`${path}: a text without a length limit or pattern`);
  }
  if (node.type === 'array') {
    if (node.maxItems === undefined) problems.push(`${path}: a list without a length limit`);
    if (node.items) problemsOf(node.items as Node, `${path}[]`, key, problems);
  }
  const properties = node.properties as Record<string, Node> | undefined;
  for (const [name, child] of Object.entries(properties ?? {})) {
    const at = `${path}.${name}`;
    // The discriminator of a union's branch is the union's choice, labelled on the union.
    if (!('const' in child) && !isBilingual(child['x-label'])) problems.push(`${at}: no bilingual label (option(…, { label: { vi, en } }))`);
    problemsOf(child, at, name, problems);
  }
}

describe('widget options describe themselves for a property panel', () => {
  it.each(widgetSpecs.map((s) => [s.id, s] as const))('%s', (_id, spec) => {
    const json = z.toJSONSchema(spec.optionsSchema, { io: 'input', unrepresentable: 'any' }) as Node;
    const problems: string[] = [];
    problemsOf(json, spec.id, '', problems);
    expect(problems).toEqual([]);
    expect(Object.keys(json.properties as Node).length).toBeGreaterThan(0);
    expect({ name: isBilingual(spec.name), description: isBilingual(spec.description) }).toEqual({ name: true, description: true });
  });

  it('every default is an accepted value (a panel may show it as the starting value)', () => {
    for (const spec of widgetSpecs) {
      const json = z.toJSONSchema(spec.optionsSchema, { io: 'input', unrepresentable: 'any' }) as Node;
      const defaults = Object.fromEntries(
        Object.entries(json.properties as Record<string, Node>)
          .filter(([, p]) => 'default' in p)
          .map(([name, p]) => [name, p.default]),
      );
      const parsed = spec.optionsSchema.safeParse(defaults);
      expect(parsed.success, `${spec.id}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(parsed.data).toEqual(spec.optionsSchema.parse({}));
    }
  });
});
