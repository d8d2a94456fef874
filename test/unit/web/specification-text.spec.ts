import { renderMarkdown } from '../../../apps/api/src/web/presenters/markdown';
import { specificationSection } from '../../../apps/api/src/web/presenters/specification';
import { diffHtml } from '../../../apps/api/src/web/presenters/text-diff';
import { ViewFixture } from './view-fixture';

describe('the specification as HTML', () => {
  it('renders markdown with GOV.UK classes, headings under the page’s own', () => {
    expect(renderMarkdown('# Scope\n\nThe study.\n\n- one\n- two\n\n[GOV.UK](https://www.gov.uk)')).toBe(
      '<h3 class="govuk-heading-m">Scope</h3>\n<p class="govuk-body">The study.</p>\n' +
        '<ul class="govuk-list govuk-list--bullet">\n<li>one</li>\n<li>two</li>\n</ul>\n' +
        '<p class="govuk-body"><a href="https://www.gov.uk" class="govuk-link">GOV.UK</a></p>\n',
    );
  });

  it('escapes HTML in the text and refuses script links', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1))',
    );
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('the changes between versions', () => {
  it('marks words added and removed, announced to screen readers, everything escaped', () => {
    const { html, changed } = diffHtml('Study the <b>north</b> only', 'Study the <b>north</b> and the south');
    expect(changed).toBe(true);
    expect(html).toContain('Study the &lt;b&gt;north&lt;/b&gt; ');
    expect(html).toMatch(/<del><span class="govuk-visually-hidden">start of removed text, <\/span>only/);
    expect(html).toMatch(
      /<ins><span class="govuk-visually-hidden">start of added text, <\/span>and the south/,
    );
    expect(diffHtml('Same', 'Same')).toEqual({ html: 'Same', changed: false });
  });

  it('compares a version with the one before it and lists the changes asked for on it', () => {
    const view = ViewFixture.drafting()
      .withVersion(1)
      .inReview('2027-01-15T17:00:00Z')
      .changesRequested('Name the authorities')
      .withVersion(2).view;
    const v2 = specificationSection(view, 2, { shown: 'New text', previous: 'Old text' });
    expect(v2).toMatchObject({
      version: 2,
      author: 'Olivia Officer',
      diff: { against: 1, changed: true },
      changeRequests: [],
    });
    expect(v2?.versions.map((v) => [v.version, v.shown, v.changesRequested])).toEqual([
      [2, true, false],
      [1, false, true],
    ]);
    const v1 = specificationSection(view, 1, { shown: 'Old text', previous: null });
    expect(v1).toMatchObject({
      diff: null,
      changeRequests: [{ member: 'Alan Wood', comment: 'Name the authorities' }],
    });
    expect(specificationSection(view, 3, { shown: '', previous: null })).toBeNull();
  });
});
