/**
 * Runs a run's local activities one after another, in the order asked. Two in flight at once (the
 * projection's and a notification's, in one task) may resolve in one activation or in two, and a
 * replay groups them as their markers say, not as they happened: the commands that follow each
 * (an update's answer, a delivery) would come out in another order. One at a time, each resolves
 * in the activation after it was scheduled, when it ran and when it is replayed.
 */
export class LocalActivityLane {
  private tail: Promise<void> = Promise.resolve();

  run<T>(call: () => Promise<T>): Promise<T> {
    const result = this.tail.then(call);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
