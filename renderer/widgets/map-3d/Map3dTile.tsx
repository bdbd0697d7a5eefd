import { lazy, Suspense } from 'react';
import { TileMessage } from '../common/TileMessage';
import type { WidgetProps } from '../common/types';
import { messages } from '../../../shared/i18n';

/**
 * The 3D map's entry in the registry. three.js is large: its code loads only in windows
 * that show a 3D tile (a separate chunk from our own origin, which the CSP allows).
 */
const Map3dView = lazy(() => import('./Map3dView'));

const loading = messages.map3dLoading;

export function Map3dTile(props: WidgetProps<'map-3d'>) {
  return (
    <Suspense fallback={<TileMessage kind="no-data" text={loading} />}>
      <Map3dView {...props} />
    </Suspense>
  );
}
