import type { z } from 'zod';
import type { Bilingual } from '../i18n';

/**
 * The pure half of a widget, in one place: what layouts store (its id, its options and
 * their version), how older options are brought up to date, what it binds, and how small
 * its text gets. The server validates layouts with it and the console will build property
 * panels from it, so it never imports React; the renderer pairs it with a component
 * (renderer/widgets/common/define-widget.ts).
 */

export type BindingArity = 'none' | 'one' | 'many';

/**
 * Options as written for version k (a plain object, not yet validated) → the same
 * options as version k + 1 writes them. Pure, and tolerant of anything: the result is
 * validated against the current schema afterwards, so a migration only moves and renames;
 * it never needs to check.
 */
export type OptionsMigration = (options: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/** Options schemas are strict objects: an unknown option refuses the layout rather than being ignored. */
export type OptionsSchema = z.ZodObject<z.core.$ZodShape, z.core.$strict>;

export interface WidgetLegibility {
  /**
   * CSS font size of the widget's smallest text as a fraction of the tile's height: the
   * number before `cqh` in its stylesheet (0.07 = 7cqh). shared/legibility.ts turns it
   * into a cap height on the wall, and into the smallest legible tile height at a viewing
   * distance (`minimumLegibleTileHeightMm`).
   */
  readonly smallestTextFraction: number;
  /**
   * The smallest text for one tile's options, when they make it larger than the widget's
   * worst case (fewer rows on a page, a map's large text). Never below
   * `smallestTextFraction`'s promise is required: the check uses this when given, so it
   * must be as honest as the stylesheet for those options. Method syntax on purpose: the
   * catalogue hands it the tile's validated options.
   */
  smallestTextFractionFor?(options: Readonly<Record<string, unknown>>): number;
}

export interface WidgetSpec<Id extends string = string, Options extends OptionsSchema = OptionsSchema> {
  /** Stored in every layout that uses the widget: never renamed (tests/unit/widget-ids.test.ts). */
  readonly id: Id;
  readonly name: Bilingual;
  readonly description: Bilingual;
  /** Every option has a default (`{}` is always valid) and a bilingual label (`option`). */
  readonly optionsSchema: Options;
  /** The version the schema describes; a tile stores the version its options were written for. */
  readonly optionsVersion: number;
  /** `migrations[k]` turns version-k options into version k + 1: one for every k below `optionsVersion`. */
  readonly migrations: Readonly<Record<number, OptionsMigration>>;
  readonly binding: BindingArity;
  readonly legibility: WidgetLegibility;
  /**
   * The calendar years of history a tile with these (validated) options draws, counted back
   * from the newest year of each series it shows, that year included. The wall holds only
   * this much (shared/widgets/history.ts): a store that grows for years must not grow the
   * wall. Absent: DEFAULT_HISTORY_YEARS (the newest figure and the one a year before it).
   */
  historyYears?(options: Readonly<Record<string, unknown>>): number;
}

const WIDGET_ID = /^[a-z][a-z0-9-]{0,31}$/;

/**
 * Checks a widget's definition once, when its module loads: a widget with a gap in its
 * migrations, an option without a default or a fraction that is not one fails every test
 * and every start, not the first layout that happens to need it.
 */
export function defineWidgetSpec<const Id extends string, Options extends OptionsSchema>(spec: WidgetSpec<Id, Options>): WidgetSpec<Id, Options> {
  const problem = (text: string) => new Error(`widget "${spec.id}": ${text}`);
  if (!WIDGET_ID.test(spec.id)) throw problem('id: lower-case letters, digits and dashes, starting with a letter');
  if (!Number.isInteger(spec.optionsVersion) || spec.optionsVersion < 1) throw problem(`optionsVersion ${spec.optionsVersion} is not a whole number from 1`);
  const steps = Object.keys(spec.migrations).map(Number).sort((a, b) => a - b);
  const expected = Array.from({ length: spec.optionsVersion - 1 }, (_, i) => i + 1);
  if (steps.join() !== expected.join()) {
    throw problem(`migrations must go from each version below ${spec.optionsVersion} to the next (${expected.join(', ') || 'none'}); has ${steps.join(', ') || 'none'}`);
  }
  const fraction = spec.legibility.smallestTextFraction;
  if (!(fraction > 0 && fraction <= 1)) throw problem(`smallestTextFraction ${fraction} is not a fraction in (0, 1]`);
  const defaults = spec.optionsSchema.safeParse({});
  if (!defaults.success) throw problem(`options {} must be valid (every option needs a default): ${defaults.error.issues[0]?.message}`);
  return Object.freeze(spec);
}

/**
 * What a property panel needs to show one option. Written into the schema's metadata
 * (zod's `.meta`), so it reaches the generated JSON Schema too: `title` and `description`
 * for editors, the `x-` keys for the console. Bounds, choices and defaults are the
 * schema's own (`minimum`, `maximum`, `enum`, `default`, `maxLength`, `maxItems`).
 */
export interface OptionText {
  label: Bilingual;
  /** One sentence: what it changes on the wall. */
  help?: Bilingual;
  /** The unit of a number: ngày / days, giây / seconds, …. */
  unit?: Bilingual;
  /** A label for each value of an enum. */
  choices?: Readonly<Record<string, Bilingual>>;
}

const joined = (text: Bilingual) => `${text.vi} / ${text.en}`;

/** Labels an option (or a field of an option) in both languages. */
export function option<S extends z.ZodType>(schema: S, text: OptionText): S {
  return schema.meta({
    title: joined(text.label),
    ...(text.help ? { description: joined(text.help) } : {}),
    'x-label': text.label,
    ...(text.help ? { 'x-help': text.help } : {}),
    ...(text.unit ? { 'x-unit': text.unit } : {}),
    ...(text.choices ? { 'x-choices': text.choices } : {}),
  });
}
