export const ROLES = ['officer', 'panel', 'supplier', 'observer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Person {
  userId: string;
  name: string;
  email: string;
}

export interface PanelMember extends Person {
  chair: boolean;
}

/** Who performs an action: always taken from the verified token, never from a request body. */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  roles: readonly Role[];
}

export type ActorRef = Pick<Actor, 'userId' | 'name'>;

export function actorRef(actor: Actor): ActorRef {
  return { userId: actor.userId, name: actor.name };
}
