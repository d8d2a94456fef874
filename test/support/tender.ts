import { CommissionFactory, inOneHour } from './factories';
import { people } from './people';
import type { World } from './world';

/*
 * Steps to the tender stage for the tender tests (the shared scenario driver will take these over):
 * a one-member panel signs off, so a commission is ready to publish in four requests.
 */

export const secondsFromNow = (s: number) => new Date(Date.now() + s * 1000).toISOString();
export const daysFromNow = (d: number) => secondsFromNow(d * 86_400);

export const CRITERIA = [
  { name: 'Quality of the method', kind: 'quality', weight: 70 },
  { name: 'Price', kind: 'price', weight: 30 },
];

export async function signedOff(world: World, fields: Record<string, unknown> = {}): Promise<string> {
  const officer = world.as(people.officer);
  const created = await officer
    .post('/v1/commissions', CommissionFactory.withPanel(1).unanimous().with(fields).build())
    .expect(201);
  const id: string = created.body.id;
  await officer.put(`/v1/commissions/${id}/specification`, { content: '# Scope\n\nThe study.' }).expect(200);
  await officer.post(`/v1/commissions/${id}/specification/submit`, { respondBy: inOneHour() }).expect(200);
  const signed = await world
    .as(people.chair)
    .post(`/v1/commissions/${id}/sign-offs`, { decision: 'approve', specificationVersion: 1 })
    .expect(200);
  if (signed.body.stage !== 'signed-off') throw new Error(`not signed off: ${JSON.stringify(signed.body)}`);
  return id;
}

/** A below-threshold commission (by its value), published with the given periods in seconds. */
export async function tendering(
  world: World,
  questionsCloseIn: number,
  closesIn: number,
  fields: Record<string, unknown> = {},
): Promise<{ id: string; closesAt: string; clarificationsCloseAt: string }> {
  const id = await signedOff(world, { estimatedValue: 50_000, ...fields });
  const clarificationsCloseAt = secondsFromNow(questionsCloseIn);
  const closesAt = secondsFromNow(closesIn);
  await world
    .as(people.officer)
    .post(`/v1/commissions/${id}/tender`, { closesAt, clarificationsCloseAt, criteria: CRITERIA })
    .expect(200);
  return { id, closesAt, clarificationsCloseAt };
}
