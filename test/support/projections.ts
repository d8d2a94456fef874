import type { Projection } from '@app/contracts';

/**
 * A projection as the workflow hands it over: event `seq` of commission `id` at `at`, the opening
 * at 1, a revised specification (its version `seq - 1`, content naming `at`) after it.
 */
export function sampleProjection(
  id: string,
  seq: number,
  at: string,
  overrides: Partial<Projection> = {},
): Projection {
  return {
    commissionId: id,
    event: {
      seq,
      at,
      actor: { userId: 'officer.one', name: 'Olivia Officer' },
      action: seq === 1 ? 'commission-opened' : 'specification-revised',
      fromStage: seq === 1 ? null : 'drafting',
      toStage: 'drafting',
      detail: { seq, at },
    },
    summary: {
      id,
      workflowId: `commission-${id}`,
      title: 'Projection study',
      description: 'd',
      programmeId: null,
      regime: 'PA2023',
      stage: 'drafting',
      version: seq,
      specificationVersion: seq === 1 ? null : seq - 1,
      keyDates: {},
      createdAt: new Date(Date.UTC(2026, 10, 25, 12)).toISOString(),
      updatedAt: at,
    },
    effects:
      seq === 1
        ? []
        : [
            {
              kind: 'specification-version',
              version: seq - 1,
              content: `# v${seq - 1} as of ${at}`,
              contentHash: `h${seq}-${at}`,
              author: { userId: 'officer.one', name: 'Olivia Officer' },
              createdAt: at,
            },
          ],
    ...overrides,
  };
}
