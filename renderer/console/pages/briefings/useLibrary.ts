import { useCallback, useEffect, useRef, useState } from 'react';
import { routes } from '../../../../shared/api';
import type { LayoutSummary, VersionInfo } from '../../../../shared/api/library';
import type { Layout } from '../../../../shared/layout/schema';
import type { ApiClient } from '../../../api/client';

/**
 * What the briefing editor needs from the layout library: the layouts a scene may show (not
 * in the bin), each one's versions, and the stored document of a version (its tiles, and the
 * preview), each asked for once and kept for the page's life (a version never changes).
 */
export function useLibrary(client: ApiClient, onError: (error: unknown) => void) {
  const [layouts, setLayouts] = useState<LayoutSummary[]>([]);
  const [versions, setVersions] = useState<ReadonlyMap<string, VersionInfo[]>>(new Map());
  const [documents, setDocuments] = useState<ReadonlyMap<string, Layout>>(new Map());
  const asked = useRef(new Set<string>());

  const loadLayouts = useCallback(async () => {
    const reply = await client.call(routes.library.list, {});
    setLayouts(reply.body.layouts.filter((l) => l.deletedAt === null));
  }, [client]);
  useEffect(() => void loadLayouts().catch(onError), [loadLayouts, onError]);

  const want = useCallback(
    (layoutId: string, version: number) => {
      if (!layoutId) return;
      const vKey = `v:${layoutId}`;
      if (!asked.current.has(vKey)) {
        asked.current.add(vKey);
        client
          .call(routes.library.versions, { params: { id: layoutId } })
          .then((r) => setVersions((m) => new Map(m).set(layoutId, r.body.versions)))
          .catch((error: unknown) => {
            asked.current.delete(vKey);
            onError(error);
          });
      }
      const dKey = `${layoutId}@${version}`;
      if (!asked.current.has(dKey)) {
        asked.current.add(dKey);
        client
          .call(routes.library.version, { params: { id: layoutId, version: String(version) } })
          .then((r) => setDocuments((m) => new Map(m).set(dKey, r.body.document)))
          .catch((error: unknown) => {
            asked.current.delete(dKey);
            onError(error);
          });
      }
    },
    [client, onError],
  );

  return { layouts, versions, documents, want, docKey: (layoutId: string, version: number) => `${layoutId}@${version}` };
}
