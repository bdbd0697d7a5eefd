/**
 * The audit page's filter form → the query of GET /api/v1/audit. Times are typed as Viet Nam
 * reads them (a datetime-local field, "2026-12-02T08:00") and sent as instants (+07:00),
 * whatever the browser's own zone. Pure, for the page and its tests.
 */
export interface AuditFilterForm {
  actor: string;
  objectType: string;
  objectId: string;
  action: string;
  since: string;
  until: string;
}

export const emptyAuditFilter: AuditFilterForm = { actor: '', objectType: '', objectId: '', action: '', since: '', until: '' };

export interface AuditQuery {
  actor?: string;
  objectType?: string;
  objectId?: string;
  action?: string;
  since?: string;
  until?: string;
}

/** "2026-12-02T08:00" (Viet Nam time) → "2026-12-02T08:00:00+07:00"; blank → undefined. */
export function vnInstant(local: string): string | undefined {
  const value = local.trim();
  if (!value) return undefined;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+07:00` : value;
}

export function auditQueryOf(form: AuditFilterForm): AuditQuery {
  const query: AuditQuery = {};
  const text = (v: string) => v.trim() || undefined;
  const entries: Array<[keyof AuditQuery, string | undefined]> = [
    ['actor', text(form.actor)],
    ['objectType', text(form.objectType)],
    ['objectId', text(form.objectId)],
    ['action', text(form.action)],
    ['since', vnInstant(form.since)],
    ['until', vnInstant(form.until)],
  ];
  for (const [key, value] of entries) if (value !== undefined) query[key] = value;
  return query;
}

/** Object types and actions the server writes (docs/console.md, "The audit log"), offered as choices. */
export const AUDIT_OBJECT_TYPES = ['layout', 'schedule', 'user', 'session', 'wall', 'token'] as const;
export const AUDIT_ACTIONS = [
  'layout.',
  'layout.create',
  'layout.import',
  'layout.duplicate',
  'layout.rename',
  'layout.delete',
  'layout.restore',
  'layout.save',
  'layout.publish',
  'schedule.',
  'schedule.update',
  'schedule.override',
  'schedule.release',
  'user.',
  'user.create',
  'user.update',
  'user.password',
  'session.',
  'session.login',
  'session.logout',
  'session.login_failed',
] as const;
