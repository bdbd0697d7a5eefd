import type { z } from 'zod';

/**
 * One IndexedDB object store of records keyed by `key`, each checked with a zod schema
 * when read back: what comes from disk is data entering the page like any other, so a
 * record that does not pass (an older build's, a damaged one) is dropped whole and deleted.
 * The wall's last good state (./last-good.ts) and the information page's last data use it.
 */
export interface KeptStore<T extends { key: string }> {
  read(key: string): Promise<T | null>;
  write(record: T): Promise<void>;
  remove(key: string): Promise<void>;
  close(): void;
}

export interface KeptStoreSpec<T extends { key: string }> {
  database: string;
  version: number;
  store: string;
  schema: z.ZodType<T>;
  /** Names the records in error messages: "the kept wall", "the kept figures". */
  what: string;
}

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Opens the store; null where the page has no IndexedDB (an opaque origin, a locked-down profile). */
export async function openKeptStore<T extends { key: string }>(spec: KeptStoreSpec<T>, factory: IDBFactory | undefined = globalThis.indexedDB): Promise<KeptStore<T> | null> {
  if (!factory) return null;
  let db: IDBDatabase;
  try {
    const opening = factory.open(spec.database, spec.version);
    opening.onupgradeneeded = () => {
      if (!opening.result.objectStoreNames.contains(spec.store)) opening.result.createObjectStore(spec.store, { keyPath: 'key' });
    };
    db = await request(opening);
  } catch (error) {
    console.error(`[toancanh] ${spec.what} cannot be kept: IndexedDB would not open`, error);
    return null;
  }
  const tx = (mode: IDBTransactionMode) => db.transaction(spec.store, mode).objectStore(spec.store);
  const remove = async (key: string): Promise<void> => {
    await request(tx('readwrite').delete(key));
  };
  return {
    async read(key) {
      const raw: unknown = await request(tx('readonly').get(key));
      if (raw === undefined) return null;
      const parsed = spec.schema.safeParse(raw);
      if (!parsed.success || parsed.data.key !== key) {
        const first = parsed.success ? 'key mismatch' : `${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`;
        console.error(`[toancanh] ${spec.what} for ${key} is damaged (${first}); dropping it`);
        await remove(key).catch(() => undefined);
        return null;
      }
      return parsed.data;
    },
    async write(record) {
      await request(tx('readwrite').put(record));
    },
    remove,
    close: () => db.close(),
  };
}
