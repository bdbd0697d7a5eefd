import { randomUUID } from 'node:crypto';
import type { Observation } from '../../shared/protocol/model';
import type { Report } from '../../shared/protocol/report';
import type { Principal } from '../auth/tokens';
import type { Store } from '../db/store';

export interface Ingested {
  submissionId: string;
  seq: number;
  observations: Observation[];
}

/**
 * Stores an accepted report in ONE transaction: the submission, one observation per value
 * (a resubmission of a key is a new vintage; the newest wins) and one change per
 * observation. Store.write publishes the changes right after the commit.
 */
export function ingestReport(store: Store, report: Report, principal: Principal): Ingested {
  const { result, changes } = store.write((tx) => {
    const submissionId = randomUUID();
    tx.insertSubmission({
      id: submissionId,
      agency: report.agency,
      regime: report.regime ?? null,
      period: report.period,
      receivedAt: tx.now,
      status: 'received',
      tokenId: principal.tokenId,
      payload: report,
    });
    const observations = report.values.map((v): Observation => ({
      indicator: v.indicator,
      region: v.region,
      period: report.period,
      value: v.value,
      // A report's figures are released when we receive them.
      vintage: tx.now,
      status: report.status,
      // Figures an agency submits through the API are real; demo data is marked by its generator.
      demo: false,
      provenance: { submissionId, agency: report.agency, regime: report.regime ?? null, source: null },
    }));
    for (const observation of observations) {
      tx.observations.insert(observation, tx.now);
      tx.log({ kind: 'observation', observation });
    }
    return { submissionId, observations };
  });
  return { ...result, seq: changes[changes.length - 1]!.seq };
}
