import MarkdownIt from 'markdown-it';

/**
 * Specification markdown to HTML for the page. Raw HTML in the text is escaped, not passed through
 * (`html: false`), and markdown-it refuses javascript:, vbscript: and data: links, so an author
 * cannot put script on a reviewer's page. Headings move down two levels: the page has its own h1
 * and the specification sits under an h2.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

const CLASSES: Record<string, string> = {
  paragraph_open: 'govuk-body',
  bullet_list_open: 'govuk-list govuk-list--bullet',
  ordered_list_open: 'govuk-list govuk-list--number',
  link_open: 'govuk-link',
  table_open: 'govuk-table',
  tr_open: 'govuk-table__row',
  th_open: 'govuk-table__header',
  td_open: 'govuk-table__cell',
  blockquote_open: 'govuk-inset-text',
  hr: 'govuk-section-break govuk-section-break--m govuk-section-break--visible',
};

const HEADING_CLASSES = ['govuk-heading-m', 'govuk-heading-s', 'govuk-heading-s', 'govuk-heading-s'];

md.core.ruler.push('govuk_classes', (state) => {
  const visit = (tokens: typeof state.tokens) => {
    for (const token of tokens) {
      if (token.type === 'heading_open' || token.type === 'heading_close') {
        const level = Math.min(6, Number(token.tag.slice(1)) + 2);
        token.tag = `h${level}`;
        if (token.type === 'heading_open') token.attrJoin('class', HEADING_CLASSES[Math.min(level - 3, 3)]);
      } else if (CLASSES[token.type]) {
        token.attrJoin('class', CLASSES[token.type]);
      }
      if (token.children) visit(token.children);
    }
  };
  visit(state.tokens);
});

export function renderMarkdown(text: string): string {
  return md.render(text);
}

export function escapeHtml(text: string): string {
  return md.utils.escapeHtml(text);
}
