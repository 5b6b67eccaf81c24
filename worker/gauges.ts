// Gauges of restores in flight and awaiting approval, read from Temporal's visibility store every interval: the
// count is the namespace's (every worker reports the same number, so dashboards take max() across instances).
import type { Client } from '@temporalio/client';
import type { MetricGauge, MetricMeter } from '@temporalio/common';
import { Runtime } from '@temporalio/worker';
import { SA } from '../common/constants';
import { RESTORE_WORKFLOW_TYPE } from '../common/start-options';

const RUNNING = `WorkflowType = '${RESTORE_WORKFLOW_TYPE}' AND ExecutionStatus = 'Running'`;
const GAUGE_QUERIES = {
  inFlight: RUNNING,
  awaitingApproval: `${RUNNING} AND ${SA.phase.name} = 'AWAITING_APPROVAL'`,
} as const;

export class RestoreGauges {
  readonly #inFlight: MetricGauge;
  readonly #awaitingApproval: MetricGauge;
  #timer?: NodeJS.Timeout;

  constructor(
    private readonly client: Client,
    meter: MetricMeter = Runtime.instance().metricMeter,
  ) {
    this.#inFlight = meter.createGauge(
      'atlas_restore_restores_in_flight',
      'int',
      '1',
      'Running restore workflows in the namespace',
    );
    this.#awaitingApproval = meter.createGauge(
      'atlas_restore_restores_awaiting_approval',
      'int',
      '1',
      'Running restores waiting for approval',
    );
  }

  async refresh(): Promise<void> {
    const [inFlight, awaiting] = await Promise.all([
      this.client.workflow.count(GAUGE_QUERIES.inFlight),
      this.client.workflow.count(GAUGE_QUERIES.awaitingApproval),
    ]);
    this.#inFlight.set(inFlight.count);
    this.#awaitingApproval.set(awaiting.count);
  }

  /** Refreshes now and every `intervalMs`; a failed read keeps the last values (the next one retries). */
  start(intervalMs: number, onError: (e: unknown) => void): void {
    const tick = () => this.refresh().catch(onError);
    void tick();
    this.#timer = setInterval(tick, intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
