import { linkFor } from '../../../activities/notifications/render';
import { commissionPage } from '../../../apps/api/src/web/presenters/commission-page';
import { assessmentPage, yourBidPage } from '../../../apps/api/src/web/presenters/supplier-bid';
import { people } from '../fixtures';
import { BIDS, evaluating } from '../stages/evaluation-steps';
import { awarded } from './award-fixture';

describe('a supplier’s own bid and assessment summary', () => {
  it('shows its receipt, and its own content only once the tender has closed', () => {
    const s = evaluating();
    const opened = [{ bidId: BIDS.birch, price: 100_000, proposal: '# Our method' }];
    const page = yourBidPage(s, people.rival, opened);
    expect(page.receipts).toEqual([
      expect.objectContaining({ submittedAt: '10am, Tuesday 5 February 2030', status: 'Counts' }),
    ]);
    expect(page.content).toEqual({ price: '£100,000', proposalHtml: expect.stringContaining('Our method') });
    s.tender!.outcome = 'open';
    expect(yourBidPage(s, people.rival, opened)).toMatchObject({
      content: null,
      sealedUntil: 'midday, Sunday 10 February 2030',
    });
  });

  it('gives a losing bidder its scores against the winner’s with the reasons, and nothing of the others', () => {
    const s = awarded();
    const page = assessmentPage(s, people.rival)!;
    expect(page.outcome).toBe(
      `Your bid was not successful: the contract is to be awarded to ${people.supplier.name}.`,
    );
    expect(page.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Method', '50%', '60', '80'],
      ['Team', '20%', '60', '70'],
      ['Price (by formula)', '30%', '100', '83.33'],
    ]);
    expect(page.totals).toMatch(/^Your weighted total is [\d.]+, ranked \d; the winning bid’s is [\d.]+\.$/);
    expect(page.rationale).toBe('The strongest method at a fair price.');
    expect(JSON.stringify(page)).not.toContain(people.third.name);
    expect(assessmentPage(s, people.supplier)!.outcome).toBe('Your bid has been chosen for the award.');
    expect(assessmentPage(s, people.outsider)).toBeNull();
  });

  it('is linked from the commission page for the bidder, and from the summary’s e-mail', () => {
    const s = awarded();
    const links = commissionPage(s, people.rival, {
      history: [],
      specification: null,
      now: new Date(),
    }).actions;
    expect(links.map((l) => l.href)).toEqual([
      `/commissions/${s.id}/your-bid`,
      `/commissions/${s.id}/assessment`,
    ]);
    const officer = commissionPage(s, people.officer, { history: [], specification: null, now: new Date() });
    expect(officer.actions.map((l) => l.href)).not.toContain(`/commissions/${s.id}/your-bid`);
    const email = {
      topic: 'message',
      message: 'assessment-summary',
      commissionId: s.id,
    } as unknown as Parameters<typeof linkFor>[0];
    expect(linkFor(email, 'https://commissioning.example/')).toBe(
      `https://commissioning.example/commissions/${s.id}/assessment`,
    );
  });
});
