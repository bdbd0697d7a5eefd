import { routes } from '../../shared/api';
import { actorOf, originOf } from '../audit/actor';
import type { Router } from '../http/route';
import type { WallViewStore } from './view';

/** The wall view over REST: read by anyone who watches the wall, steered by presenters and operators. */
export function registerWallViewRoutes(router: Router, views: WallViewStore): void {
  router.route(routes.wall.view).handle(() => ({ status: 200, body: views.get() }));

  router.route(routes.wall.setView).handle(({ body, principal, request, log }) => {
    const { changed, view } = views.setWallView(body, { actor: actorOf(principal), origin: originOf(request), reason: 'PUT /api/v1/wall/view' });
    log.info({ revision: view.revision, changed, frozen: view.freeze !== null, province: view.province, enlarged: view.enlargedTileId }, 'wall view set');
    return { status: 200, body: view };
  });
}
