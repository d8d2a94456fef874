import { loadConfig } from '@app/config';
import type { Role } from '@app/contracts';
import { mintToken } from '../../apps/api/src/auth/token';

export interface TestUser {
  userId: string;
  name: string;
  email: string;
  roles: Role[];
}

const user = (userId: string, name: string, roles: Role[]): TestUser => ({
  userId,
  name,
  email: `${userId}@example.gov.uk`,
  roles,
});

/** The cast of the letter, as test users. */
export const people = {
  officer: user('officer.one', 'Olivia Officer', ['officer']),
  otherOfficer: user('officer.two', 'Oscar Officer', ['officer']),
  chair: user('julian.le-grand', 'Julian Le Grand', ['panel']),
  wood: user('alan.wood', 'Alan Wood', ['panel']),
  trowler: user('isabelle.trowler', 'Isabelle Trowler', ['panel']),
  outsider: user('panel.outsider', 'Pat Outsider', ['panel']),
  supplier: user('supplier.acme', 'Acme Research', ['supplier']),
  rival: user('supplier.birch', 'Birch Analytics', ['supplier']),
  third: user('supplier.cedar', 'Cedar Evaluation', ['supplier']),
  admin: user('admin.one', 'Ada Admin', ['admin']),
  observer: user('ministers-office', "Minister's office", ['observer']),
};

export function tokenFor(u: TestUser): string {
  return mintToken(loadConfig().auth.secret!, {
    sub: u.userId,
    roles: u.roles,
    name: u.name,
    email: u.email,
  });
}
