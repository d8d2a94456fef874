import type { CallsReading } from './server-metrics';

/**
 * A worker's own account of its tasks, from the SDK's Prometheus metrics (WORKER_METRICS_ADDRESS,
 * durations in seconds): how many of each, and how long they took. Where the server's persistence
 * calls say what the server did, these say how long a task waited for the worker and ran in it,
 * which is where the product's and raw Temporal's actions differ (README, Performance).
 */
const HISTOGRAMS: Record<string, string> = {
  temporal_workflow_task_schedule_to_start_latency: 'workflow task: scheduled to started',
  temporal_workflow_task_execution_latency: 'workflow task: started to completed, local activities included',
  temporal_local_activity_execution_latency: 'local activity: its function',
  temporal_local_activity_succeed_endtoend_latency: 'local activity: scheduled to done',
  temporal_activity_schedule_to_start_latency: 'activity: scheduled to started',
  temporal_activity_execution_latency: 'activity: its function',
};
/** The worker's calls to the server that answer a task (polls, which wait by design, are left out). */
const ANSWERS = ['RespondWorkflowTaskCompleted', 'RespondActivityTaskCompleted'];

const LINE = /^(temporal_\w+)_(sum|count)\{([^}]*)\} ([0-9.eE+-]+)$/;

/** Count and seconds by what was timed, summed over task types and queues. */
export function parseWorkerMetrics(text: string): CallsReading {
  const out: CallsReading = {};
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const [, metric, part, labelText, value] = m;
    let key = HISTOGRAMS[metric];
    if (!key && metric === 'temporal_request_latency') {
      const operation = /operation="(\w+)"/.exec(labelText)?.[1];
      if (operation && ANSWERS.includes(operation)) key = `call: ${operation}`;
    }
    if (!key) continue;
    const entry = (out[key] ??= { calls: 0, seconds: 0 });
    if (part === 'count') entry.calls += Number(value);
    else entry.seconds += Number(value);
  }
  return out;
}

/** Where a worker started with WORKER_METRICS_ADDRESS=`address` serves them. */
export const workerMetricsUrl = (address: string | undefined): string | undefined =>
  address ? `http://${address}/metrics` : undefined;
