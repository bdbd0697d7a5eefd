import type { Logger } from '../../shared/log';
import type { Layout } from '../../shared/layout/schema';
import { presetLayoutPath } from '../paths';
import { loadLayoutFile } from '../wall/load';
import { listPresets } from '../wall/presets';
import type { LayoutLibrary } from './store';

/** The valid presets of layouts/ as documents (invalid ones are reported and left out, as the preset list does). */
export function loadPresetDocuments(layoutsDir: string, log: Logger): Layout[] {
  const { presets, problems } = listPresets(layoutsDir);
  if (problems.length > 0) log.warn('some preset layouts are not valid; they are not templates', { problems });
  const documents: Layout[] = [];
  for (const preset of presets) {
    const loaded = loadLayoutFile(presetLayoutPath(layoutsDir, preset.id));
    if (loaded.ok) documents.push(loaded.value);
  }
  return documents;
}

/** On every start: presets new in this release become templates, changed ones get a new version. */
export function syncPresetTemplates(library: LayoutLibrary, layoutsDir: string, log: Logger): void {
  const result = library.syncTemplates(loadPresetDocuments(layoutsDir, log));
  if (result.added.length || result.updated.length) log.info('layout templates from layouts/', { added: result.added, updated: result.updated });
  if (result.clashes.length) log.warn('a preset has the id of a layout of the library; it is not a template', { ids: result.clashes });
}
