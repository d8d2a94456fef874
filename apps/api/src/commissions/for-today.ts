import { ProblemException } from '../problem/problem.exception';

/**
 * Sends a command whose legal period the API computes from today's London day (publishing a
 * tender, an award). Should the workflow apply it on a later day than the one it was computed for,
 * it refuses it as `computed-for-another-day`, having changed nothing: the command is then built
 * again, from the new day, and sent once more. A second such refusal is answered as it is.
 */
export async function sendForToday<Arg, V>(
  build: () => Arg | Promise<Arg>,
  send: (arg: Arg) => Promise<V>,
): Promise<V> {
  try {
    return await send(await build());
  } catch (err) {
    if (!isComputedForAnotherDay(err)) throw err;
    return send(await build());
  }
}

function isComputedForAnotherDay(err: unknown): boolean {
  return (
    err instanceof ProblemException && (err.problem as { code?: string }).code === 'computed-for-another-day'
  );
}
