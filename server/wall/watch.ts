import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { ValidationError } from '../../shared/layout/load';
import type { Layout } from '../../shared/layout/schema';
import { loadLayoutFile } from './load';

export interface LayoutWatcher {
  close(): void;
}

/**
 * Watches a layout file that an engineer edits by hand. We watch its folder, not the file:
 * editors save by writing a new file and renaming it over the old one, which ends a watch
 * on the old inode. Events are debounced (an editor's save is several events); each settled
 * version is validated whole: a valid one is handed on, an invalid one reported with every
 * error, and the caller keeps its last good layout.
 */
export function watchLayoutFile(
  path: string,
  handlers: { onValid(layout: Layout): void; onInvalid(errors: ValidationError[], total: number): void },
  debounceMs = 200,
): LayoutWatcher {
  const name = basename(path);
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const settle = () => {
    timer = null;
    if (closed) return;
    const loaded = loadLayoutFile(path);
    if (loaded.ok) handlers.onValid(loaded.value);
    else handlers.onInvalid(loaded.errors, loaded.total);
  };
  const watcher: FSWatcher = watch(dirname(path), { persistent: false }, (_event, changed) => {
    // Some platforms do not say which file changed; then re-read ours anyway.
    if (changed !== null && changed !== name) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(settle, debounceMs);
  });
  watcher.on('error', (error) => handlers.onInvalid([{ path: '$', message: `the file watch stopped: ${error.message}` }], 1));
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
