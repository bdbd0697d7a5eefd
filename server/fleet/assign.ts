import { fieldError, type FieldError } from '../../shared/errors';
import type { Assignment, StoredAssignment } from '../../shared/fleet/schema';
import type { AuditActor, AuditLog, AuditOrigin } from '../audit/log';
import type { Db } from '../db/open';
import { fail } from '../http/reply';
import type { FleetRecords } from './records';

/**
 * Every fault of a display map, each at its field: unknown screens, a screen or a display
 * given twice, a display of a browser wall page (which opens its screen from its address
 * and applies no map; a host not seen yet may be assigned ahead of its first hello). Pure.
 */
export function checkAssignments(list: readonly Assignment[], screenIds: readonly string[], browserHosts: ReadonlySet<string> = new Set()): FieldError[] {
  const known = new Set(screenIds);
  const screens = new Map<string, number>();
  const displays = new Map<string, string>();
  const errors: FieldError[] = [];
  list.forEach((a, i) => {
    if (browserHosts.has(a.hostId)) errors.push(fieldError(`$.assignments[${i}].hostId`, 'fleet.display_of_browser', { hostId: a.hostId }));
    if (!known.has(a.screenId)) errors.push(fieldError(`$.assignments[${i}].screenId`, 'fleet.screen_unknown', { id: a.screenId }));
    if (screens.has(a.screenId)) errors.push(fieldError(`$.assignments[${i}].screenId`, 'fleet.screen_assigned_twice', { id: a.screenId }));
    else screens.set(a.screenId, i);
    const display = `${a.hostId}\u0000${a.displayId}`;
    const first = displays.get(display);
    if (first !== undefined) errors.push(fieldError(`$.assignments[${i}].displayId`, 'fleet.display_assigned_twice', { hostId: a.hostId, displayId: a.displayId, first, second: a.screenId }));
    else displays.set(display, a.screenId);
  });
  return errors;
}

function diffOf(before: readonly StoredAssignment[], after: readonly Assignment[]) {
  const key = (a: Assignment) => `${a.hostId}/${a.displayId}`;
  const old = new Map(before.map((a) => [a.screenId, key(a)]));
  const next = new Map(after.map((a) => [a.screenId, key(a)]));
  return {
    assigned: [...next].filter(([s, k]) => old.get(s) !== k).map(([screenId, display]) => ({ screenId, display, from: old.get(screenId) ?? null })),
    unassigned: [...old.keys()].filter((s) => !next.has(s)),
  };
}

export interface AssignAuthor {
  actor: AuditActor;
  origin: AuditOrigin;
  by: string;
}

/** Checks, stores and audits a new display map in one transaction; a faulty one is refused whole (422, every fault at its field). */
export function replaceAssignments(db: Db, records: FleetRecords, audit: AuditLog, list: readonly Assignment[], screenIds: readonly string[], author: AssignAuthor, at: string): StoredAssignment[] {
  const browserHosts = new Set(records.hosts().filter((h) => h.kind === 'browser').map((h) => h.hostId));
  const errors = checkAssignments(list, screenIds, browserHosts);
  if (errors.length > 0) fail('fleet.assignments_invalid', { count: errors.length }, { errors, total: errors.length });
  return db.transaction(() => {
    const diff = diffOf(records.assignments(), list);
    const stored = records.replaceAssignments(list, author.by, at);
    audit.record({ actor: author.actor, origin: author.origin, action: 'fleet.assign', objectType: 'fleet', objectId: null, diff });
    return stored;
  })();
}
