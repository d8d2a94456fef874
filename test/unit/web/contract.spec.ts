import { applyPublishContractNotice } from '../../../workflows/commission/stages/award';
import { commissionPage } from '../../../apps/api/src/web/presenters/commission-page';
import { contractSection, pounds } from '../../../apps/api/src/web/presenters/contract';
import { people } from '../fixtures';
import { inDelivery } from './award-fixture';

describe('the contract record', () => {
  const now = new Date('2030-03-05T12:00:00Z');
  const page = (s: ReturnType<typeof inDelivery>, who = people.officer) =>
    commissionPage(s, who, { history: [], specification: null, now });

  it('shows who, how much, since when and the UK7 due within 30 days, in London time', () => {
    const s = inDelivery();
    const section = contractSection(s, s.contract!);
    expect(section.rows.map((r) => [r.key.text, r.value.text])).toEqual([
      ['Supplier', people.supplier.name],
      ['Value', '£120,000 including VAT'],
      ['Entered into', 'midnight, Monday 4 March 2030'],
      ['Interim report due', expect.any(String)],
      ['Final report due', expect.any(String)],
    ]);
    expect(section.notice).toEqual({
      name: 'contract details notice (UK7)',
      published: null,
      due: '1am, Wednesday 3 April 2030', // BST by then,
    });
    applyPublishContractNotice(s, { actor: people.officer }, '2030-03-10T10:00:00.000Z');
    expect(contractSection(s, s.contract!).notice?.published).toBe(
      `10am, Sunday 10 March 2030 by ${people.officer.name}`,
    );
  });

  it('is on the commission page for staff with the notice, for the winner without it, and not for the others', () => {
    const s = inDelivery();
    expect(page(s).contract?.notice?.name).toBe('contract details notice (UK7)');
    expect(page(s).actions.map((a) => a.href)).toContain(`/commissions/${s.id}/contract-notice`);
    expect(page(s, people.supplier).contract).toMatchObject({ notice: null });
    expect(page(s, people.rival).contract).toBeNull();
    expect(page(s, people.chair).actions.map((a) => a.href)).not.toContain(
      `/commissions/${s.id}/contract-notice`,
    );
  });

  it('writes pounds as people do', () => {
    expect(pounds(47_000)).toBe('£47,000');
    expect(pounds(99_500.5)).toBe('£99,500.50');
  });
});
