import { routes } from '../../shared/api';
import type { Principal } from '../auth/tokens';
import { actorOf, originOf } from '../audit/actor';
import type { AuditLog } from '../audit/log';
import type { Router } from '../http/route';
import type { WallCommands } from './commands';

const byOf = (principal: Principal) => (principal.kind === 'person' ? principal.displayName : `${principal.role} token "${principal.label}"`);

/**
 * The technician's commands: identify the screens, draw a test pattern. Nothing stored
 * changes, so there is no transaction to join; each command is recorded in the audit log
 * before it is sent, so the log never misses one the wall showed.
 */
export function registerSetupRoutes(router: Router, commands: WallCommands, audit: AuditLog): void {
  router.route(routes.wall.identify).handle(({ body, principal, request, log }) => {
    const screens = body.screens;
    audit.record({ actor: actorOf(principal), origin: originOf(request), action: 'wall.identify', objectType: 'wall', objectId: null, diff: { seconds: body.seconds, screens: screens ?? 'all' } });
    const event = commands.identify(body.seconds, screens, byOf(principal));
    log.info({ seq: event.seq, seconds: body.seconds, screens: screens ?? 'all' }, 'identify');
    return { status: 200, body: event };
  });

  router.route(routes.wall.identifyStop).handle(({ principal, request, log }) => {
    audit.record({ actor: actorOf(principal), origin: originOf(request), action: 'wall.identify_stop', objectType: 'wall', objectId: null });
    const event = commands.stopIdentify(byOf(principal));
    log.info({ seq: event.seq }, 'identify dismissed');
    return { status: 200, body: event };
  });

  router.route(routes.wall.testPattern).handle(({ body, principal, request, log }) => {
    const screens = body.screens;
    audit.record({ actor: actorOf(principal), origin: originOf(request), action: 'wall.test_pattern', objectType: 'wall', objectId: null, diff: { pattern: body.pattern, screens: screens ?? 'all' } });
    const event = commands.testPattern(body.pattern, screens, byOf(principal));
    log.info({ seq: event.seq, pattern: body.pattern, screens: screens ?? 'all' }, 'test pattern');
    return { status: 200, body: event };
  });

  router.route(routes.wall.testPatternStop).handle(({ principal, request, log }) => {
    audit.record({ actor: actorOf(principal), origin: originOf(request), action: 'wall.test_pattern_stop', objectType: 'wall', objectId: null, diff: { pattern: null } });
    const event = commands.testPattern(null, undefined, byOf(principal));
    log.info({ seq: event.seq }, 'test pattern stopped');
    return { status: 200, body: event };
  });
}
