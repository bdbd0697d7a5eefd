import { routes } from '../../shared/api';
import { actorOf, originOf } from '../audit/actor';
import type { Router } from '../http/route';
import type { FleetService } from './service';

/** The fleet's routes (shared/api/fleet.ts): read the fleet and its sightings, replace the display map (audited). */
export function registerFleetRoutes(router: Router, fleet: FleetService): void {
  const r = routes.fleet;
  router.route(r.view).handle(() => ({ status: 200, body: fleet.view() }));
  router.route(r.sightings).handle(({ query }) => ({ status: 200, body: { sightings: fleet.sightings(query.hostId, query.limit ?? 50) } }));
  router.route(r.assign).handle(({ body, principal, request, log }) => {
    const by = principal.kind === 'person' ? `${principal.displayName} (${principal.username})` : `${principal.role} token "${principal.label}"`;
    const assignments = fleet.assign(body.assignments, { actor: actorOf(principal), origin: originOf(request), by });
    log.info({ assignments: assignments.length }, 'display map replaced');
    return { status: 200, body: { assignments } };
  });
}
