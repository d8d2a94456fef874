import { addReading, readingSince } from '../../scripts/bench/server-metrics';
import { parseWorkerMetrics } from '../../scripts/bench/worker-metrics';

// Lines as the SDK's core serves them (@temporalio/worker 1.24, useSecondsForDurations).
const SDK = 'service_name="temporal-core-sdk"';
const EXPOSITION = (
  tasks: number,
  seconds: number,
) => `# TYPE temporal_workflow_task_execution_latency histogram
temporal_workflow_task_execution_latency_bucket{namespace="default",${SDK},task_queue="commissioning",workflow_type="commissionWorkflowV5",le="0.05"} 3
temporal_workflow_task_execution_latency_sum{namespace="default",${SDK},task_queue="commissioning",workflow_type="commissionWorkflowV5"} ${seconds}
temporal_workflow_task_execution_latency_count{namespace="default",${SDK},task_queue="commissioning",workflow_type="commissionWorkflowV5"} ${tasks}
temporal_workflow_task_execution_latency_sum{namespace="default",${SDK},task_queue="commissioning",workflow_type="commissionWorkflowV4"} 1
temporal_workflow_task_execution_latency_count{namespace="default",${SDK},task_queue="commissioning",workflow_type="commissionWorkflowV4"} 10
temporal_local_activity_execution_latency_sum{activity_type="writeInTask",namespace="default",${SDK},task_queue="commissioning",workflow_type="commissionWorkflowV5"} 60.617675766
temporal_local_activity_execution_latency_count{activity_type="writeInTask",namespace="default",${SDK},task_queue="commissioning",workflow_type="commissionWorkflowV5"} 2347
temporal_long_request_latency_sum{namespace="default",operation="PollWorkflowTaskQueue",${SDK},task_queue="commissioning"} 810.9
temporal_long_request_latency_count{namespace="default",operation="PollWorkflowTaskQueue",${SDK},task_queue="commissioning"} 2544
temporal_request_latency_sum{operation="GetSystemInfo",${SDK}} 0.001451726
temporal_request_latency_count{operation="GetSystemInfo",${SDK}} 1
temporal_request_latency_sum{namespace="default",operation="RespondWorkflowTaskCompleted",${SDK}} 168.5
temporal_request_latency_count{namespace="default",operation="RespondWorkflowTaskCompleted",${SDK}} 2873
temporal_workflow_completed{namespace="default",${SDK},task_queue="commissioning",workflow_type="commissionWorkflowV5"} 4
`;

describe("the bench's reading of a worker's SDK metrics", () => {
  it('counts tasks and their seconds by what was timed, across workflow types; polls and set-up calls left out', () => {
    expect(parseWorkerMetrics(EXPOSITION(2873, 357.5))).toEqual({
      'workflow task: started to completed, local activities included': { calls: 2883, seconds: 358.5 },
      'local activity: its function': { calls: 2347, seconds: 60.617675766 },
      'call: RespondWorkflowTaskCompleted': { calls: 2873, seconds: 168.5 },
    });
  });

  it("gives a round's tasks as the difference of two readings, summed over rounds", () => {
    const round = readingSince(
      parseWorkerMetrics(EXPOSITION(100, 10)),
      parseWorkerMetrics(EXPOSITION(160, 16)),
    );
    expect(round).toEqual({
      'workflow task: started to completed, local activities included': { calls: 60, seconds: 6 },
    });
    const total = {};
    addReading(total, round);
    addReading(total, round);
    expect(total).toEqual({
      'workflow task: started to completed, local activities included': { calls: 120, seconds: 12 },
    });
  });
});
