import { parseArgs } from 'node:util';
import { ROLES, type Role } from '@app/contracts';
import { loadConfig } from '@app/config';
import { mintToken, verifyToken } from '../apps/api/src/auth/token';

/** `npm run token -- --sub ID --roles officer,panel [--name N --email E]`: a token for the embedded default. */
function main(): void {
  const { values } = parseArgs({
    options: {
      sub: { type: 'string' },
      roles: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
  });
  if (!values.sub || !values.roles) {
    console.error(
      'usage: npm run token -- --sub ID --roles officer,panel [--name N --email E] [--expires 12h]',
    );
    process.exit(2);
  }
  const roles = values.roles.split(',').map((r) => r.trim());
  const unknown = roles.filter((r) => !ROLES.includes(r as Role));
  if (unknown.length) {
    console.error(`unknown roles: ${unknown.join(', ')} (known: ${ROLES.join(', ')})`);
    process.exit(2);
  }
  const { auth } = loadConfig();
  if (!auth.secret) {
    console.error(
      'tokens can only be minted for the embedded default (JWT_SECRET); production tokens come from the issuer',
    );
    process.exit(2);
  }
  const token = mintToken(
    auth.secret,
    { sub: values.sub, roles, name: values.name, email: values.email },
    values.expires as `${number}h`,
  );
  // The API refuses a token that lives longer than JWT_MAX_LIFETIME, and one that is not valid text.
  try {
    verifyToken(token, auth);
  } catch (err) {
    console.error(`this token would be refused: ${(err as Error).message}`);
    process.exit(2);
  }
  process.stdout.write(`${token}\n`);
}

main();
