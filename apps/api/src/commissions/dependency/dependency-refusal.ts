import type { CommissionReadModel } from '../commission-read-model';
import { ProblemException } from '../../problem/problem.exception';

/**
 * A tender refused for an unmet dependency names where the other commission stands. The workflow
 * knows the gate but not the other commission's stage, which the read model holds: the refusal is
 * completed here, at the edge, with its stage and title (both shown to staff on any commission).
 */
export async function withUpstreamStanding<T>(
  readModel: CommissionReadModel,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (!(err instanceof ProblemException) || err.problem.code !== 'dependency-unmet') throw err;
    const upstreamId = err.problem.dependsOn;
    const upstream = typeof upstreamId === 'string' ? await readModel.find(upstreamId) : null;
    if (!upstream) throw err;
    throw new ProblemException({
      ...err.problem,
      detail: `${err.problem.detail} ("${upstream.title}" is in ${upstream.stage})`,
      upstreamStage: upstream.stage,
      upstreamTitle: upstream.title,
    });
  }
}
