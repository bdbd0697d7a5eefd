import { widgetSpecs, type AnyWidgetSpec } from '../../../shared/widgets/catalog';
import { say, t } from './texts';
import type { EditorLang } from './types';

/** Every widget of the registry, with its name and description from its definition. */
export function Palette({ lang, onAdd }: { lang: EditorLang; onAdd(spec: AnyWidgetSpec): void }) {
  return (
    <section className="ed-palette" aria-labelledby="ed-palette-title">
      <h3 id="ed-palette-title">{say(t.palette, lang)}</h3>
      <ul>
        {widgetSpecs.map((spec) => (
          <li key={spec.id}>
            <button type="button" data-add-widget={spec.id} aria-describedby={`ed-palette-${spec.id}`} onClick={() => onAdd(spec)}>
              <span className="ed-palette-name">{say(spec.name, lang)}</span>
              <span className="ed-palette-description" id={`ed-palette-${spec.id}`}>
                {say(spec.description, lang)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
