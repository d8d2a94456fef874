import { isPublished, kindOf, ocdsReleasePackage, viewFor } from '@app/contracts';
import { applyCancel } from '../../../workflows/commission/stages/cancellation';
import { expectValidOcds } from '../../support/ocds-schema';
import { people } from '../fixtures';
import { inDelivery } from './steps';

const AT = '2030-04-01T10:00:00.000Z';
const cancel = { actor: people.officer, reason: 'The supplier could not staff the study' };

describe('cancelling in delivery: the contract ends', () => {
  it('under PA2023 issues a contract termination notice (UK11, s.80(1)) with reg 41’s essentials', () => {
    const s = inDelivery('PA2023');
    applyCancel(s, cancel, AT);
    expect(s.stage).toBe('cancelled');
    expect(s.notices).toEqual([
      {
        type: 'UK11',
        regime: 'PA2023',
        publishedAt: AT,
        publishedBy: { userId: people.officer.userId, name: people.officer.name },
        content: {
          title: s.title,
          reason: cancel.reason,
          supplier: people.supplier.name,
          value: 90_000,
          terminatedAt: AT,
        },
      },
    ]);
    expect(kindOf(s.notices![0])).toBe('contract-termination');
    expect(isPublished(s.notices![0])).toBe(true);
  });

  it('under PCR2015 and below threshold records the end without publishing a notice', () => {
    for (const [regime, type] of [
      ['PCR2015', 'contract-termination'],
      ['below-threshold', 'below-threshold-contract-termination'],
    ] as const) {
      const s = inDelivery(regime);
      applyCancel(s, cancel, AT);
      expect(s.notices?.map((n) => [n.type, isPublished(n)])).toEqual([[type, false]]);
    }
  });

  it('is an OCDS contractTermination release that validates, the contract terminated', () => {
    const s = inDelivery('PA2023');
    applyCancel(s, cancel, AT);
    const opts = {
      ocidPrefix: 'ocds-xxxxxx',
      packageUri: 'http://127.0.0.1/v1/commissions/x/ocds',
      publisher: { name: 'Test' },
      buyer: { id: 'GB-GOV-1', name: 'Department' },
      at: AT,
    };
    for (const staff of [true, false]) {
      const pkg = ocdsReleasePackage(s, { ...opts, staff });
      expectValidOcds(pkg);
      const releases = pkg.releases as { tag: string[]; contracts?: { status: string }[] }[];
      const last = releases.find((r) => r.tag.includes('contractTermination'))!;
      expect(last.contracts?.[0].status).toBe('terminated');
    }
  });

  it('leaves a cancel before the contract to the procurement termination notice alone', () => {
    const s = inDelivery('PA2023');
    s.stage = 'standstill';
    applyCancel(s, cancel, AT);
    expect(s.notices?.map((n) => n.type)).toEqual(['UK12']);
  });

  it('keeps the terminated commission readable by its contracted supplier', () => {
    const s = inDelivery('PA2023');
    applyCancel(s, cancel, AT);
    expect(viewFor(s, people.supplier)?.notices?.map((n) => n.type)).toEqual(['UK11']);
  });
});
