import { loadConfig } from '@app/config';
import { mintToken } from '../../apps/api/src/auth/token';
import { CAST, type CastMember } from '../../apps/api/src/web/sign-in/cast';

export type TestUser = CastMember;

/** The cast of the letter, as test users: the same list the development sign-in page offers. */
export const people = {
  officer: CAST.officer,
  otherOfficer: CAST.otherOfficer,
  chair: CAST.chair,
  wood: CAST.wood,
  trowler: CAST.trowler,
  outsider: CAST.outsider,
  supplier: CAST.supplier,
  observer: CAST.observer,
  rival: CAST.rival,
  third: CAST.third,
  admin: CAST.admin,
};

/** Who acts in the stage-rules property tests: members, strangers, suppliers and an observer. */
export const ACTING_CAST = [
  people.officer,
  people.otherOfficer,
  people.chair,
  people.wood,
  people.trowler,
  people.outsider,
  people.supplier,
  people.rival,
  people.observer,
];

export function tokenFor(u: TestUser): string {
  return mintToken(loadConfig().auth.secret!, {
    sub: u.userId,
    roles: u.roles,
    name: u.name,
    email: u.email,
  });
}
