import { routes } from '../../shared/api';
import { actorOf, originOf } from '../audit/actor';
import { isSubmitter } from '../auth/tokens';
import { fail } from '../http/reply';
import type { Router } from '../http/route';
import type { TaskStore } from './store';

/**
 * The task register over REST. Operators register tasks and may report on any; a
 * submitter token reports, and reads, only the tasks of its own agency. Every change is
 * audited by the store, inside its transaction.
 */
export function registerTaskRoutes(router: Router, tasks: TaskStore): void {
  router.route(routes.tasks.list).handle(({ query, principal }) => {
    let agency = query.agency;
    if (isSubmitter(principal)) {
      if (agency !== undefined && agency !== principal.agency) fail('task.agency_filter', { own: principal.agency ?? '' });
      agency = principal.agency ?? undefined;
    }
    return { status: 200, body: { tasks: tasks.list({ agency, status: query.status }), today: tasks.today() } };
  });

  router.route(routes.tasks.create).handle(({ body, principal, request, log }) => {
    const task = tasks.create(body, { actor: actorOf(principal), origin: originOf(request) });
    log.info({ taskId: task.id, agency: task.agency, dueDate: task.dueDate }, 'task registered');
    return { status: 201, body: task };
  });

  router.route(routes.tasks.progress).handle(({ params, body, principal, request, log }) => {
    const id = /^\d{1,15}$/.test(params.id) ? Number(params.id) : 0;
    const current = tasks.get(id) ?? fail('task.not_found', { id: params.id });
    if (isSubmitter(principal) && principal.agency !== current.agency) {
      fail('task.other_agency', { id: params.id, agency: current.agency, own: principal.agency ?? '' });
    }
    if (body.completedOn && body.completedOn < current.document.date) {
      fail('task.done_before_assigned', { completedOn: body.completedOn, documentDate: current.document.date });
    }
    const task = tasks.report(id, body, { actor: actorOf(principal), origin: originOf(request) }) ?? fail('task.not_found', { id: params.id });
    log.info({ taskId: task.id, status: task.status, progress: task.progress }, 'task progress reported');
    return { status: 200, body: task };
  });
}
