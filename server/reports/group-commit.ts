import type { Logger } from '../../shared/log';
import type { ComplianceService } from '../compliance/service';
import type { Store, WriteOutcome } from '../db/store';
import { ingestInTransaction, type Ingested, type IngestInput } from './ingest';

export interface GroupCommitOptions {
  /**
   * The most submissions one transaction stores. 1 is the one-commit-per-report path
   * (`--ingest-batch 1`, the benchmark's baseline).
   */
  maxBatch: number;
}

export const DEFAULT_GROUP_COMMIT: GroupCommitOptions = { maxBatch: 128 };

interface Waiting {
  input: IngestInput;
  resolve(ingested: Ingested): void;
  reject(error: unknown): void;
}

/**
 * Group commit of accepted reports: the submissions validated while the event loop was
 * busy are stored together in one transaction (one COMMIT, one fsync; synchronous=FULL
 * as before); one refused inside the transaction (an Idempotency-Key reused with another
 * body) fails alone (Store.writeEach then runs the group again, each in its own savepoint). Each caller's promise settles
 * only after its group committed, so an HTTP answer still means "on disk"; a crash loses
 * only submissions that were never answered, and a retry with the same key finds the
 * stored one. Seqs follow the order the submissions were queued in, with no gap.
 *
 * A group is cut when the event loop reaches its check phase (setImmediate): requests
 * that arrived during the previous commit are handled in the poll phase before it, so
 * under load the groups grow by themselves, and an idle server commits a lone report at
 * once.
 */
export class GroupCommit {
  private queue: Waiting[] = [];
  private scheduled = false;

  constructor(
    private readonly store: Store,
    private readonly compliance: ComplianceService,
    private readonly log: Logger,
    private readonly options: GroupCommitOptions = DEFAULT_GROUP_COMMIT,
  ) {}

  submit(input: IngestInput): Promise<Ingested> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    const group = this.queue.splice(0, this.options.maxBatch);
    if (this.queue.length > 0) this.schedule();
    if (group.length === 0) return;
    let outcomes: WriteOutcome<Ingested>[];
    try {
      ({ outcomes } = this.store.writeEach(group.map((w) => (tx) => ingestInTransaction(tx, this.compliance, w.input))));
    } catch (error) {
      // The COMMIT itself failed (disk full, I/O error): nothing of the group is stored.
      this.log.error('reports: group commit failed', { err: error, submissions: group.length });
      for (const w of group) w.reject(error);
      return;
    }
    const last = outcomes.findLast((o) => o.ok && !o.value.replayed);
    this.log.debug('reports: group committed', {
      submissions: group.length,
      seq: last?.ok ? last.value.record.seq : null,
    });
    outcomes.forEach((outcome, i) => {
      if (outcome.ok) group[i]!.resolve(outcome.value);
      else group[i]!.reject(outcome.error);
    });
  }
}
