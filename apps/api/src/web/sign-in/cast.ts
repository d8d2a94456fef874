import type { Role } from '@app/contracts';

export interface CastMember {
  userId: string;
  name: string;
  email: string;
  roles: Role[];
}

const member = (userId: string, name: string, roles: Role[]): CastMember => ({
  userId,
  name,
  email: `${userId}@example.gov.uk`,
  roles,
});

/**
 * The people of the minister's letter and the test users: the one list that the seed script, the
 * tests and the development sign-in page all use. Never offered in production.
 */
export const CAST = {
  commissioningOfficer: member('commissioning.officer', 'Commissioning Officer', ['officer']),
  officer: member('officer.one', 'Olivia Officer', ['officer']),
  otherOfficer: member('officer.two', 'Oscar Officer', ['officer']),
  chair: member('julian.le-grand', 'Julian Le Grand', ['panel']),
  wood: member('alan.wood', 'Alan Wood', ['panel']),
  trowler: member('isabelle.trowler', 'Isabelle Trowler', ['panel']),
  outsider: member('panel.outsider', 'Pat Outsider', ['panel']),
  supplier: member('supplier.acme', 'Acme Research', ['supplier']),
  rival: member('supplier.birch', 'Birch Analytics', ['supplier']),
  third: member('supplier.cedar', 'Cedar Evaluation', ['supplier']),
  admin: member('admin.one', 'Ada Admin', ['admin']),
  observer: member('ministers-office', "Minister's office", ['observer']),
  warner: member('norman.warner', 'Lord Norman Warner', ['observer']),
  councilLeader: member('albert.bore', 'Councillor Sir Albert Bore', ['observer']),
} satisfies Record<string, CastMember>;

export function castMember(userId: string): CastMember | undefined {
  return Object.values(CAST).find((m) => m.userId === userId);
}
