/** The raw workflow's one activity: a scheduled, dispatched and completed task that does no work. */
export function createRawActivities() {
  return {
    async noop(step: string): Promise<string> {
      return step;
    },
  };
}

export type RawActivities = ReturnType<typeof createRawActivities>;
