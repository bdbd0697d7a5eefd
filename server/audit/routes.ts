import { routes } from '../../shared/api';
import type { Router } from '../http/route';
import type { AuditLog } from './log';

/** The audit log for people who read it (viewers and up), newest first, paged. */
export function registerAuditRoutes(router: Router, audit: AuditLog): void {
  router.route(routes.audit.list).handle(({ query }) => {
    const page = audit.list(query);
    return { status: 200, body: page };
  });
}
