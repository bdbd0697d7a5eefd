import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DRAFTS_STORAGE_KEY, forgetDraftsKeptOverReload, keepDraftsOverReload, newDrafts, takeDraftsKeptOverReload } from '../../renderer/console/drafts';
import { layoutSchema, type Layout } from '../../shared/layout/schema';
import { newDraft } from '../../renderer/console/pages/briefings/draft';

/** Storage over a Map, as the tab's sessionStorage is to the page. */
function memoryStorage(): Storage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, String(value)),
  };
}

const preset = layoutSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../layouts/tong-quan-kinh-te-xa-hoi.json'), 'utf8'))) as Layout;

function someDrafts() {
  const drafts = newDrafts();
  drafts.layouts.set(preset.id, { layout: { ...preset, title: { vi: 'Tổng quan (đang sửa)' } }, baseVersion: 3 });
  drafts.briefings.set('new', { draft: { ...newDraft(), name: 'Giao ban sáng thứ Hai' }, baseVersion: null });
  return drafts;
}

describe('unsaved console edits over a reload (renderer/console/drafts.ts)', () => {
  it("come back, with their base versions, for the person they were kept for", () => {
    const storage = memoryStorage();
    keepDraftsOverReload(someDrafts(), 7, storage);
    const back = newDrafts();
    expect(takeDraftsKeptOverReload(back, 7, storage)).toBe(2);
    expect(back.layouts.get(preset.id)?.layout.title.vi).toBe('Tổng quan (đang sửa)');
    expect(back.layouts.get(preset.id)?.baseVersion).toBe(3);
    expect(back.briefings.get('new')).toEqual({ draft: { id: '', name: 'Giao ban sáng thứ Hai', scenes: [] }, baseVersion: null });
    // Taken once: a second reload with nothing unsaved finds nothing.
    expect(storage.map.has(DRAFTS_STORAGE_KEY)).toBe(false);
  });

  it('are not given to another person signing in on the tab, and are gone after that', () => {
    const storage = memoryStorage();
    keepDraftsOverReload(someDrafts(), 7, storage);
    const other = newDrafts();
    expect(takeDraftsKeptOverReload(other, 8, storage)).toBe(0);
    expect(other.layouts.size + other.briefings.size).toBe(0);
    expect(takeDraftsKeptOverReload(newDrafts(), 7, storage)).toBe(0);
  });

  it('leave nothing behind when there is nothing unsaved', () => {
    const storage = memoryStorage();
    keepDraftsOverReload(someDrafts(), 7, storage);
    keepDraftsOverReload(newDrafts(), 7, storage);
    expect([...storage.map.keys()]).toEqual([]);
  });

  it('drop a kept value that does not read back as drafts, whole, without throwing, and say so', () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const bad of ['{not json', JSON.stringify({ userId: 7, layouts: [['x', { layout: { tiles: 5 }, baseVersion: 1 }]], briefings: [] }), JSON.stringify({ userId: '7', layouts: [], briefings: [] }), JSON.stringify([1, 2])]) {
      const storage = memoryStorage();
      storage.setItem(DRAFTS_STORAGE_KEY, bad);
      const back = newDrafts();
      expect(takeDraftsKeptOverReload(back, 7, storage)).toBe(0);
      expect(back.layouts.size + back.briefings.size).toBe(0);
      expect(storage.map.has(DRAFTS_STORAGE_KEY)).toBe(false);
    }
    expect(warned.mock.calls.map((c) => String(c[0]))).toEqual([
      'console: the unsaved edits kept over a reload are not JSON; dropped',
      ...Array.from({ length: 3 }, () => 'console: the unsaved edits kept over a reload do not read back; dropped'),
    ]);
    warned.mockRestore();
  });

  it('do not replace an edit already in memory', () => {
    const storage = memoryStorage();
    keepDraftsOverReload(someDrafts(), 7, storage);
    const back = newDrafts();
    back.briefings.set('new', { draft: { ...newDraft(), name: 'newer' }, baseVersion: null });
    takeDraftsKeptOverReload(back, 7, storage);
    expect(back.briefings.get('new')?.draft.name).toBe('newer');
  });

  it('survive a storage that refuses to be written (a private window): only the reload loses them', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(() => keepDraftsOverReload(someDrafts(), 7, storage)).not.toThrow();
    expect(warned.mock.calls.map((c) => String(c[0]))).toEqual(['console: unsaved edits could not be kept over a reload']);
    warned.mockRestore();
  });
});

describe('a browser that refuses storage', () => {
  it('keeps and takes nothing, and forgetting throws nothing', () => {
    expect(() => keepDraftsOverReload(someDrafts(), 7, null)).not.toThrow();
    expect(takeDraftsKeptOverReload(newDrafts(), 7, null)).toBe(0);
    const refusing = memoryStorage();
    refusing.removeItem = () => {
      throw new Error('SecurityError');
    };
    expect(() => forgetDraftsKeptOverReload(refusing)).not.toThrow();
  });
});
