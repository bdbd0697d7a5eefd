import { auditRoutes } from './audit';
import { briefingRoutes } from './briefings';
import { catalogueRoutes } from './catalogue';
import { fleetRoutes } from './fleet';
import { geoRoutes } from './geo';
import { healthRoutes } from './health';
import { libraryRoutes } from './library';
import { profileRoutes } from './profiles';
import { readRoutes } from './reads';
import { reportRoutes } from './reports';
import { taskRoutes } from './tasks';
import type { RouteDef } from './route';
import { scheduleRoutes } from './schedule';
import { sessionRoutes } from './session';
import { tokenRoutes } from './tokens';
import { userRoutes } from './users';
import { wallRoutes } from './wall';

/**
 * Every REST route of the server, by area. The server registers each from here and
 * nothing else under /api (a test checks both ways); clients call them by entry:
 * `client.call(routes.reports.submissions, { query: { agency: 'P01' } })`.
 */
export const routes = {
  health: healthRoutes,
  catalogue: catalogueRoutes,
  reads: readRoutes,
  reports: reportRoutes,
  geo: geoRoutes,
  wall: wallRoutes,
  tokens: tokenRoutes,
  library: libraryRoutes,
  schedule: scheduleRoutes,
  session: sessionRoutes,
  users: userRoutes,
  audit: auditRoutes,
  tasks: taskRoutes,
  profiles: profileRoutes,
  briefings: briefingRoutes,
  fleet: fleetRoutes,
} as const;

export const allRoutes: readonly RouteDef[] = Object.values(routes).flatMap((area) => Object.values(area) as RouteDef[]);

export * from './route';
