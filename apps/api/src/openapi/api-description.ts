/** The document's description: what the API is and how to call it, read first in Swagger UI. */
export const API_DESCRIPTION = `
Runs the commissioning of public studies (specification, panel sign-off, tender, evaluation,
award, delivery) as durable workflows. Web pages for people live at \`/\`; this is the JSON API.

## Getting a token
Every operation but \`/v1/health\`, \`/v1/docs\` and \`/v1/openapi.json\` needs
\`Authorization: Bearer <JWT>\` with the claims \`sub\` (user id), \`name\`, \`email\` and \`roles\`
(any of \`officer\`, \`panel\`, \`supplier\`, \`observer\`, \`admin\`).

- **Production**: a token from the configured identity provider (OpenID Connect issuer); it is
  verified against the issuer's keys (JWKS), audience and lifetime.
- **Embedded default (development)**: tokens signed with the local secret. Print one with
  \`npm run token -- --sub julian.le-grand --roles panel --name "Julian Le Grand" --email julian.le-grand@example.gov.uk\`
  and press **Authorize** above to use it here.

## Conventions
- Errors are \`application/problem+json\` (RFC 9457): \`type\`, \`title\`, \`status\`, \`detail\`,
  \`errors[]\` for field errors and \`stage\` on a 409. 400 invalid input · 401 missing or bad token ·
  403 role or membership · 404 unknown id (or one hidden from you) · 409 not allowed now ·
  413 too large · 429 rate limited.
- \`Idempotency-Key\` (optional) on every POST: a repeat with the same key and body returns the
  first answer and changes nothing; the same key with another body is a 409.
- Times are ISO 8601 with an offset; durations ISO 8601 (\`P7D\`). Every answer about one
  commission carries \`stage\`, \`version\` and the caller's \`allowedActions\`.
`.trim();
