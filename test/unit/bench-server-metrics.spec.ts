import { addReading, parsePersistence, readingSince } from '../../scripts/bench/server-metrics';

// Lines as the dev server's /metrics gives them (temporal CLI v1.5.1, server v1.29.1).
const EXPOSITION = (
  updates: number,
  seconds: number,
) => `# HELP persistence_requests persistence_requests counter
# TYPE persistence_requests counter
persistence_requests{namespace="default",operation="UpdateWorkflowExecution",service_name="history"} ${updates}
persistence_requests{namespace="system",operation="GetCurrentClusterMetadata",service_name="history"} 7
persistence_requests{namespace="temporal_system",operation="GetCurrentClusterMetadata",service_name="history"} 3
persistence_latency_sum{namespace="default",operation="UpdateWorkflowExecution",service_name="history"} ${seconds}
persistence_latency_sum{namespace="system",operation="GetCurrentClusterMetadata",service_name="history"} 0.002
persistence_latency_sum{namespace="temporal_system",operation="GetCurrentClusterMetadata",service_name="history"} 0.001
persistence_latency_bucket{namespace="default",operation="UpdateWorkflowExecution",service_name="history",le="0.001"} 2
persistence_latency_count{namespace="default",operation="UpdateWorkflowExecution",service_name="history"} ${updates}
persistence_error_with_type{error_type="serviceerror_NotFound",namespace="default",operation="GetCurrentExecution",service_name="history"} 4
visibility_persistence_requests{operation="UpsertWorkflowExecution",service_name="history",visibility_index_name="_work_temporal_db",visibility_plugin_name="sqlite"} 12
visibility_persistence_latency_sum{operation="UpsertWorkflowExecution",service_name="history",visibility_index_name="_work_temporal_db",visibility_plugin_name="sqlite"} 0.024
visibility_persistence_latency_count{operation="UpsertWorkflowExecution",service_name="history",visibility_index_name="_work_temporal_db",visibility_plugin_name="sqlite"} 12
`;

describe("the bench's reading of the Temporal server's persistence calls", () => {
  it('sums calls and seconds by service and operation across namespaces, the visibility store apart', () => {
    expect(parsePersistence(EXPOSITION(40, 0.05))).toEqual({
      'history UpdateWorkflowExecution': { calls: 40, seconds: 0.05 },
      'history GetCurrentClusterMetadata': { calls: 10, seconds: 0.003 },
      'history visibility UpsertWorkflowExecution': { calls: 12, seconds: 0.024 },
    });
  });

  it('keeps what a round added, and only operations it called', () => {
    const round = readingSince(
      parsePersistence(EXPOSITION(40, 0.05)),
      parsePersistence(EXPOSITION(65, 0.08)),
    );
    expect(Object.keys(round)).toEqual(['history UpdateWorkflowExecution']);
    expect(round['history UpdateWorkflowExecution'].calls).toBe(25);
    expect(round['history UpdateWorkflowExecution'].seconds).toBeCloseTo(0.03, 6);
    const total = {};
    addReading(total, round);
    addReading(total, round);
    expect(total).toEqual({
      'history UpdateWorkflowExecution': {
        calls: 50,
        seconds: round['history UpdateWorkflowExecution'].seconds * 2,
      },
    });
  });
});
