import type { AnyWidgetSpec } from '../../../shared/widgets/catalog';
import type { WidgetComponent } from './types';

/**
 * A widget whole: its pure definition (shared/widgets/<id>/definition.ts: id, options
 * schema with defaults, version and migrations, binding, legibility, names) and the
 * component that draws it. The component receives its tile as the layout loader produced
 * it: options validated, migrated and defaulted, so it never re-applies a default.
 */
export interface WidgetDefinition<S extends AnyWidgetSpec = AnyWidgetSpec> {
  readonly id: S['id'];
  readonly spec: S;
  readonly component: WidgetComponent<S['id']>;
}

export function defineWidget<S extends AnyWidgetSpec>(spec: S, component: WidgetComponent<S['id']>): WidgetDefinition<S> {
  return Object.freeze({ id: spec.id, spec, component });
}
