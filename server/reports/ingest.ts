import { timeOrderedId } from '../db/time-ordered-id';
import type { ComplianceEntryWire } from '../../shared/protocol/compliance';
import type { Observation } from '../../shared/protocol/model';
import type { NormalizedSubmission } from '../../shared/regimes/submission';
import type { Regime } from '../../shared/regimes/schema';
import { isSubmitter, type Principal } from '../auth/tokens';
import type { ComplianceService } from '../compliance/service';
import type { Store, WriteContext } from '../db/store';
import { fail } from '../http/reply';
import type { SubmissionRecord } from '../db/submissions';

export interface IngestInput {
  regime: Regime;
  submission: NormalizedSubmission;
  principal: Principal;
  format: 'json' | 'csv';
  /** When the report counts as received (now, or a demo token's backdated instant). */
  receivedMs: number;
  idempotencyKey: string | null;
  requestHash: string | null;
}

export interface Ingested {
  record: SubmissionRecord;
  observations: Observation[];
  compliance: ComplianceEntryWire | null;
  /** Already stored under its Idempotency-Key (a retry): nothing was written. */
  replayed: boolean;
}

/** Whether a caller may see a stored submission (a submitter sees only its agency's). */
export function mayRead(principal: Principal, record: SubmissionRecord): boolean {
  return !isSubmitter(principal) || principal.agency === record.agency;
}

/**
 * The stored submission of an Idempotency-Key, as the answer to a retry, or null when the
 * key is new. The same key with another request (or another agency's) is refused.
 */
export function replayOf(
  read: Pick<Store, 'submissions' | 'observations'>,
  entryOf: (regime: string, agency: string, period: string) => ComplianceEntryWire | null,
  input: Pick<IngestInput, 'principal' | 'idempotencyKey' | 'requestHash'>,
): Ingested | null {
  if (!input.idempotencyKey) return null;
  const stored = read.submissions.byIdempotencyKey(input.idempotencyKey);
  if (!stored) return null;
  if (stored.requestHash !== input.requestHash || !mayRead(input.principal, stored)) fail('request.idempotency_key_reused');
  const entry = stored.regime ? entryOf(stored.regime, stored.agency, stored.period) : null;
  return { record: stored, observations: read.observations.ofSubmission(stored.id), compliance: entry, replayed: true };
}

/**
 * Stores an accepted submission inside a write (its own, or its savepoint in a group
 * commit): the submission (the next revision of its regime × agency × period), one
 * observation per value (a new vintage: the newest wins), one change per observation, and
 * the compliance of its key (a change when its status moved). The store publishes the
 * changes right after the commit.
 *
 * The Idempotency-Key is looked up again here, inside the transaction: a retry that
 * arrived while the first attempt waited for its group's commit finds it now (the same
 * connection sees its own uncommitted rows), so a key is stored once whatever the timing.
 *
 * Everything a demo token submits is demo data; nothing else can be.
 */
export function ingestInTransaction(tx: WriteContext, compliance: ComplianceService, input: IngestInput): Ingested {
  // Inside the transaction, no catch-up with the clock: that would be a write nested in it.
  const replayed = replayOf(tx, (regime, agency, period) => compliance.storedEntry(regime, agency, period), input);
  if (replayed) return replayed;
  const { regime, submission, principal } = input;
  const sinceBefore = compliance.sinceMs(regime.code);
  const id = timeOrderedId();
  const receivedAt = new Date(input.receivedMs).toISOString();
  const revision = tx.submissions.nextRevision(regime.code, submission.agency, submission.period);
  const demo = principal.demo;
  const record: SubmissionRecord = {
    id,
    agency: submission.agency,
    regime: regime.code,
    period: submission.period,
    receivedAt,
    recordedAt: tx.now,
    status: submission.status,
    revision,
    demo,
    format: input.format,
    // A person (console) has no token: the submission's author is in the audit log.
    tokenId: principal.kind === 'token' ? principal.tokenId : null,
    idempotencyKey: input.idempotencyKey,
    requestHash: input.requestHash,
    payload: submission,
    valueCount: submission.values.length,
    seq: null,
  };
  tx.submissions.insert(record);
  const observations = submission.values.map(
    (v): Observation => ({
      indicator: v.indicator,
      region: v.region,
      period: submission.period,
      value: v.value,
      // A report's figures are released when it is received.
      vintage: receivedAt,
      status: submission.status,
      demo,
      provenance: { submissionId: id, agency: submission.agency, regime: regime.code, source: null, revision },
    }),
  );
  for (const observation of observations) {
    tx.observations.insert(observation, tx.now);
    tx.log({ kind: 'observation', observation });
  }
  const entry = compliance.afterSubmission(tx, regime, record, sinceBefore, input.receivedMs);
  const seq = tx.lastSeq();
  tx.submissions.setSeq(id, seq);
  return { record: { ...record, seq }, observations, compliance: entry, replayed: false };
}
