import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalizedText } from '../../shared/layout/schema';
import { LAYOUT_ID_PATTERN } from '../paths';
import { loadLayoutFile } from './load';

export interface PresetInfo {
  id: string;
  title: LocalizedText;
}

/**
 * The preset layouts shipped in layouts/: `<id>.json`, whose id matches its file name.
 * Generated JSON Schemas (`*.schema.json`) are not layouts. Invalid presets are reported
 * to the caller and left out of the list.
 */
export function listPresets(layoutsDir: string): { presets: PresetInfo[]; problems: string[] } {
  let names: string[];
  try {
    names = readdirSync(layoutsDir);
  } catch {
    return { presets: [], problems: [`cannot read the layouts folder ${layoutsDir}`] };
  }
  const presets: PresetInfo[] = [];
  const problems: string[] = [];
  for (const name of names.sort()) {
    if (!name.endsWith('.json') || name.endsWith('.schema.json')) continue;
    const id = name.slice(0, -'.json'.length);
    if (!LAYOUT_ID_PATTERN.test(id)) continue;
    const loaded = loadLayoutFile(join(layoutsDir, name));
    if (!loaded.ok) problems.push(`${name}: ${loaded.total} error(s)`);
    else if (loaded.value.id !== id) problems.push(`${name}: its id is "${loaded.value.id}", not "${id}"`);
    else presets.push({ id, title: loaded.value.title });
  }
  return { presets, problems };
}
