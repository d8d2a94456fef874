export const STAGES = [
  'drafting',
  'panel-review',
  'signed-off',
  'tendering',
  'evaluation',
  'standstill',
  'in-delivery',
  'completed',
  'cancelled',
  'unsuccessful',
] as const;

export type Stage = (typeof STAGES)[number];

/** Stages from which nothing moves on: the workflow ends once it reaches one. */
export const FINAL_STAGES: readonly Stage[] = ['completed', 'cancelled'];

export function isFinal(stage: Stage): boolean {
  return FINAL_STAGES.includes(stage);
}

export const OPEN_STAGES: readonly Stage[] = STAGES.filter((s) => !isFinal(s));

/** Stages in which a tender has been published, so suppliers may see the commission. */
export const PUBLISHED_STAGES: readonly Stage[] = [
  'tendering',
  'evaluation',
  'standstill',
  'in-delivery',
  'completed',
  'unsuccessful',
];
