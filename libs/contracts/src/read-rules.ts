import type { CommissionView } from './commission';
import type { Actor, Role } from './people';
import { PUBLISHED_STAGES, STAGES, type Stage } from './stages';

/**
 * Who may read which part of a commission, as data. Staff (officers, panel, observers, admins) read
 * everything; a supplier reads only what has been published, and (once bids exist) only its own.
 * `viewFor` shapes every response from these rules, and the sub-resource endpoints ask `canRead`.
 */
export const VIEW_PARTS = [
  'identity',
  'people',
  'specification',
  'signOff',
  'conflicts',
  'deadlines',
  'dependency',
  'cancellation',
  'history',
  'reminders',
] as const;
export type ViewPart = (typeof VIEW_PARTS)[number];

export interface ReadRule {
  role: Role;
  stages: readonly Stage[];
}

const STAFF: readonly Role[] = ['officer', 'panel', 'observer', 'admin'];
const staff = (): ReadRule[] => STAFF.map((role) => ({ role, stages: STAGES }));

export const READ_RULES: Readonly<Record<ViewPart, readonly ReadRule[]>> = {
  identity: [...staff(), { role: 'supplier', stages: PUBLISHED_STAGES }],
  people: staff(),
  specification: staff(),
  signOff: staff(),
  conflicts: staff(),
  deadlines: staff(),
  dependency: staff(),
  cancellation: staff(),
  history: staff(),
  reminders: staff(),
};

/** The view fields each part is made of; every field of `CommissionView` belongs to one part. */
export const PART_FIELDS = {
  identity: [
    'id',
    'workflowId',
    'title',
    'description',
    'programmeId',
    'regime',
    'stage',
    'version',
    'createdAt',
    'updatedAt',
    'milestones',
  ],
  people: ['createdBy', 'panel', 'officers', 'observers', 'signOffRule'],
  specification: ['specification'],
  signOff: ['signOff'],
  conflicts: ['conflicts'],
  deadlines: ['deadlines', 'deadlineMoves', 'reminderPolicy'],
  dependency: ['dependsOn'],
  cancellation: ['cancellation'],
  history: [],
  reminders: [],
} as const satisfies Record<ViewPart, readonly (keyof CommissionView)[]>;

export function canRead(part: ViewPart, stage: Stage, actor: Pick<Actor, 'roles'>): boolean {
  return READ_RULES[part].some((r) => actor.roles.includes(r.role) && r.stages.includes(stage));
}

/** The parts of one commission a caller may see, or null when the commission is hidden from them. */
export function viewFor(state: CommissionView, actor: Pick<Actor, 'roles'>): Partial<CommissionView> | null {
  if (!canRead('identity', state.stage, actor)) return null;
  const view: Record<string, unknown> = {};
  for (const part of VIEW_PARTS) {
    if (!canRead(part, state.stage, actor)) continue;
    for (const field of PART_FIELDS[part] as readonly (keyof CommissionView)[]) {
      if (field in state) view[field] = state[field];
    }
  }
  return view as Partial<CommissionView>;
}
