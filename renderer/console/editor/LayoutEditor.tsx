import { useCallback, useEffect, useMemo, useReducer, useRef, type JSX, type KeyboardEvent } from 'react';
import type { Layout, Tile } from '../../../shared/layout/schema';
import type { WallProfile } from '../../../shared/wall/profile';
import type { AnyWidgetSpec } from '../../../shared/widgets/catalog';
import type { ApiClient } from '../../api/client';
import { useWallStore } from '../../store/context';
import '../../theme/wall.css';
import './editor.css';
import { addTile, firstFreeSpot, newTileId } from './edits';
import { commandForKey, editorReducer, initialEditorState } from './editor-state';
import { canRedo, canUndo } from './history';
import { EditorCanvas } from './EditorCanvas';
import { Palette } from './Palette';
import { PropertyPanel } from './PropertyPanel';
import type { FieldContext } from './SchemaForm';
import { minimumSize } from './sizes';
import { noticeText, say, t } from './texts';
import type { EditorLang, FieldError, Warning } from './types';
import { editorDataFromStore, publishWarnings } from './warnings';
import { useDataVersion } from './useDataVersion';
import { WarningList } from './WarningList';

export interface LayoutEditorProps {
  /** shared/layout/schema. */
  layout: Layout;
  /** shared/wall/profile: screens, bezels, viewing distance. */
  profile: WallProfile;
  /** Every accepted edit (the shell tracks dirty state and saves). */
  onChange(layout: Layout): void;
  /** The server's refusals, shown at the field they concern. */
  serverErrors?: ReadonlyArray<FieldError>;
  lang?: EditorLang;
  /** The API client the indicator picker reads the catalogue with; default: the page's endpoint and token. */
  client?: ApiClient;
}

const NO_ERRORS: ReadonlyArray<FieldError> = [];

/**
 * The layout editor: palette, the live wall to arrange, the selected tile's properties and
 * the warnings. It reads live data from the page's store (WallStoreProvider: the shell
 * feeds it); it keeps the session's edit history itself and hands every accepted edit to
 * `onChange`. A layout handed back unchanged (the same object) is not an edit.
 */
export function LayoutEditor({ layout, profile, onChange, serverErrors = NO_ERRORS, lang = 'vi', client }: LayoutEditorProps): JSX.Element {
  const [state, dispatch] = useReducer(editorReducer, layout, initialEditorState);
  const present = state.history.present;
  const emitted = useRef(layout);
  const focusRequest = useRef(false);
  const panel = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (layout === emitted.current) return;
    emitted.current = layout;
    dispatch({ type: 'external', layout });
  }, [layout]);
  useEffect(() => {
    if (present === emitted.current) return;
    emitted.current = present;
    onChange(present);
  }, [present, onChange]);

  const store = useWallStore();
  const dataVersion = useDataVersion(store);
  const warnings = useMemo(() => {
    void dataVersion; // the data changed: stale and missing figures may have too
    return publishWarnings(present, profile, editorDataFromStore(store.api.getState()));
  }, [present, profile, store, dataVersion]);
  const byTile = useMemo(() => {
    const map = new Map<string, Warning[]>();
    for (const w of warnings) if (w.tileId) map.set(w.tileId, [...(map.get(w.tileId) ?? []), w]);
    return map;
  }, [warnings]);
  const ctx = useMemo<FieldContext>(() => {
    const at = new Map<string, FieldError[]>();
    for (const e of [...serverErrors, ...warnings]) at.set(e.path, [...(at.get(e.path) ?? []), e]);
    return { lang, errorsAt: (path) => at.get(path) ?? NO_ERRORS };
  }, [warnings, serverErrors, lang]);

  const index = present.tiles.findIndex((tile) => tile.id === state.selected);
  const tile = index >= 0 ? present.tiles[index] : undefined;

  const add = useCallback(
    (spec: AnyWidgetSpec) => {
      const size = minimumSize(spec, profile, present.grid);
      const spot = firstFreeSpot(present, size.w, size.h);
      if (!spot) return dispatch({ type: 'edit', layout: present, notice: { kind: 'no-room' } });
      const id = newTileId(present, spec.id);
      const created = { id, widget: spec.id, ...spot, optionsVersion: spec.optionsVersion, options: spec.optionsSchema.parse({}) } as Tile;
      focusRequest.current = true;
      dispatch({ type: 'edit', layout: addTile(present, created), notice: { kind: 'added', tileId: id }, select: id });
    },
    [present, profile],
  );

  const openPanel = useCallback(() => {
    requestAnimationFrame(() => panel.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus());
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const command = commandForKey(e);
    if (command && (command.kind === 'undo' || command.kind === 'redo')) {
      e.preventDefault();
      dispatch({ type: 'command', command });
      return;
    }
    // Escape in a panel goes back to the tile on the wall.
    if (e.key === 'Escape' && state.selected && panel.current?.contains(e.target as Node)) {
      e.preventDefault();
      root.current?.querySelector<HTMLElement>(`[data-handle="${state.selected}"]`)?.focus();
    }
  };

  return (
    <div className="layout-editor" ref={root} data-layout={present.id} onKeyDown={onKeyDown} aria-label={say(t.editor, lang)} role="region">
      <div className="ed-toolbar">
        <button type="button" onClick={() => dispatch({ type: 'command', command: { kind: 'undo' } })} disabled={!canUndo(state.history)}>
          {say(t.undo, lang)}
        </button>
        <button type="button" onClick={() => dispatch({ type: 'command', command: { kind: 'redo' } })} disabled={!canRedo(state.history)}>
          {say(t.redo, lang)}
        </button>
        <p className="ed-status" role="status" aria-live="polite" data-notice={state.notice?.kind}>
          {state.notice ? noticeText(state.notice, lang) : ''}
        </p>
      </div>
      <div className="ed-body">
        <aside className="ed-side ed-side--left">
          <Palette lang={lang} onAdd={add} />
        </aside>
        <EditorCanvas
          layout={present}
          profile={profile}
          selected={state.selected}
          warnings={byTile}
          lang={lang}
          revision={state.history.past.length}
          focusRequest={focusRequest}
          dispatch={dispatch}
          onOpen={openPanel}
        />
        <aside className="ed-side ed-side--right" ref={panel}>
          {tile ? (
            <PropertyPanel
              key={tile.id}
              layout={present}
              tile={tile}
              index={index}
              ctx={ctx}
              client={client}
              onEdit={(next, key) => dispatch({ type: 'edit', layout: next, key })}
              onPlace={(place) => dispatch({ type: 'place', id: tile.id, place, how: place.x === tile.x && place.y === tile.y ? 'resized' : 'moved' })}
              onRemove={() => dispatch({ type: 'command', command: { kind: 'remove' } })}
            />
          ) : (
            <p className="ed-note">{say(t.nothingSelected, lang)}</p>
          )}
          <WarningList
            warnings={warnings}
            lang={lang}
            onGo={(id) => {
              focusRequest.current = true;
              dispatch({ type: 'select', id });
            }}
          />
        </aside>
      </div>
    </div>
  );
}
