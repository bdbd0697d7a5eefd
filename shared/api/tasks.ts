import { z } from 'zod';
import { SUBMIT_ROLES, OPERATOR_ROLES, VIEWER_ROLES } from '../protocol/roles';
import { taskCreateSchema, taskListQuerySchema, taskProgressSchema, taskSchema } from '../tasks/schema';
import { defineRoute, json } from './route';

/** Path parameters are text; an id that is not a task's number is a 404 like any unknown one. */
const idParams = z.object({ id: z.string().min(1).max(20) });

export const taskRoutes = {
  list: defineRoute({
    name: 'tasks.list',
    method: 'GET',
    path: '/api/v1/tasks',
    access: [...new Set([...VIEWER_ROLES, ...SUBMIT_ROLES])],
    summary: 'Tasks assigned by the Government and the Prime Minister, with their status today (a submitter: its own agency).',
    query: taskListQuerySchema,
    replies: { 200: json(z.object({ tasks: z.array(taskSchema), today: z.string() })) },
  }),
  create: defineRoute({
    name: 'tasks.create',
    method: 'POST',
    path: '/api/v1/tasks',
    access: OPERATOR_ROLES,
    summary: 'Register a task: the assigning document, the agency in charge, the due date.',
    body: { schema: taskCreateSchema, check: 'route' },
    replies: { 201: json(taskSchema) },
  }),
  progress: defineRoute({
    name: 'tasks.progress',
    method: 'POST',
    path: '/api/v1/tasks/:id/progress',
    access: SUBMIT_ROLES,
    summary: 'Report progress on a task (a submitter: only a task of its own agency).',
    params: idParams,
    body: { schema: taskProgressSchema, check: 'route' },
    replies: { 200: json(taskSchema) },
  }),
};
