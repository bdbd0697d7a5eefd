/**
 * The console's layout editor, mounted by the console shell (renderer/console/). It edits
 * one layout on one wall profile and reports every accepted edit through `onChange`; the
 * shell keeps the dirty state, saves and publishes. `publishWarnings` is what the shell
 * lists before publishing (errors block it).
 */
export { LayoutEditor, type LayoutEditorProps } from './LayoutEditor';
export { publishWarnings, editorDataFromStore } from './warnings';
export type { EditorData, EditorLang, FieldError, Warning, WarningKind } from './types';
