import { randomUUID } from 'node:crypto';
import type { ComplianceEntryWire } from '../../shared/protocol/compliance';
import type { Observation } from '../../shared/protocol/model';
import type { NormalizedSubmission } from '../../shared/regimes/submission';
import type { Regime } from '../../shared/regimes/schema';
import type { Principal } from '../auth/tokens';
import type { ComplianceService } from '../compliance/service';
import type { Store } from '../db/store';
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
}

/**
 * Stores an accepted submission in ONE transaction: the submission (the next revision of
 * its regime × agency × period), one observation per value (a new vintage: the newest
 * wins), one change per observation, and the compliance of its key (a change when its
 * status moved). Store.write publishes the changes right after the commit.
 *
 * Everything a demo token submits is demo data; nothing else can be.
 */
export function ingestSubmission(store: Store, compliance: ComplianceService, input: IngestInput): Ingested {
  const { regime, submission, principal } = input;
  const { result } = store.write((tx) => {
    const sinceBefore = compliance.sinceMs(regime.code);
    const id = randomUUID();
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
    const entry = compliance.afterSubmission(tx, regime, submission.agency, submission.period, sinceBefore, input.receivedMs);
    const seq = tx.lastSeq();
    tx.submissions.setSeq(id, seq);
    return { record: { ...record, seq }, observations, compliance: entry };
  });
  return result;
}
