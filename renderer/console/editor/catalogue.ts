import { useEffect, useState } from 'react';
import { routes } from '../../../shared/api';
import type { IndicatorMeta } from '../../../shared/protocol/model';
import { createApiClient, type ApiClient } from '../../api/client';
import { pageEndpoint } from '../../api/endpoint';
import { rendererLog } from '../../log';

/**
 * The indicator catalogue (GET /api/v1/indicators) through the page's API client: the
 * shell's (a session) when it gives one, else the page's endpoint and token. Loaded once
 * per client and shared by every picker.
 */
export type CatalogueState = { kind: 'loading' } | { kind: 'ready'; indicators: IndicatorMeta[] } | { kind: 'failed'; message_vi: string; message_en: string };

const loaded = new WeakMap<ApiClient, Promise<IndicatorMeta[]>>();
let defaultClient: Promise<ApiClient | null> | null = null;

async function pageClient(): Promise<ApiClient | null> {
  defaultClient ??= pageEndpoint(window).then((endpoint) => (endpoint ? createApiClient(endpoint) : null));
  return defaultClient;
}

function load(client: ApiClient): Promise<IndicatorMeta[]> {
  let pending = loaded.get(client);
  if (!pending) {
    pending = client.call(routes.catalogue.indicators, {}).then((reply) => reply.body.indicators);
    pending.catch(() => loaded.delete(client));
    loaded.set(client, pending);
  }
  return pending;
}

export function useCatalogue(client: ApiClient | undefined): CatalogueState {
  const [state, setState] = useState<CatalogueState>({ kind: 'loading' });
  useEffect(() => {
    let alive = true;
    void (async () => {
      try {
        const c = client ?? (await pageClient());
        if (!c) throw new Error('this page has no server to ask');
        const indicators = await load(c);
        if (alive) setState({ kind: 'ready', indicators });
      } catch (error) {
        rendererLog.warn('indicator catalogue not loaded', { err: error });
        const detail = error instanceof Error ? error.message : String(error);
        if (alive) setState({ kind: 'failed', message_vi: `Không tải được danh mục chỉ tiêu (${detail})`, message_en: `Could not load the indicators (${detail})` });
      }
    })();
    return () => {
      alive = false;
    };
  }, [client]);
  return state;
}
