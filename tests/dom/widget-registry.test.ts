import { describe, expect, it } from 'vitest';
import { widgetFor, widgetRegistry, widgets } from '../../renderer/widgets/registry';
import { widgetCatalog, widgetTypes } from '../../shared/widgets/catalog';

describe('renderer widget registry', () => {
  it('pairs every widget of the shared catalogue, and nothing else, with a component', () => {
    expect(widgets.map((w) => w.id)).toEqual([...widgetTypes]);
    for (const type of widgetTypes) {
      const widget = widgetRegistry[type];
      expect(widget.spec, type).toBe(widgetCatalog[type]);
      expect(widget.component, type).toBeTypeOf('function');
      expect(widgetFor(type), type).toBe(widget);
    }
  });

  it('knows no id outside the catalogue, inherited names included', () => {
    expect(widgetFor('radar')).toBeUndefined();
    expect(widgetFor('toString')).toBeUndefined();
    expect(widgetFor('__proto__')).toBeUndefined();
  });
});
