import type { OpenAPIObject } from '@nestjs/swagger';
import { API_DESCRIPTION } from './api-description';
import { OPERATION_RESPONSES } from './operation-responses';
import { RESPONSE_SCHEMAS } from './schemas';

type Operation = {
  summary?: string;
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: unknown;
  responses: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
  security?: unknown[];
};

export const IDEMPOTENCY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes the POST repeat-safe: a repeat with the same key and body returns the first answer and changes nothing; ' +
    'the same key with another body is a 409. 1–200 letters, digits or _.:-',
  schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_.:-]+$' },
};

const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

const ERRORS: Record<number, string> = {
  400: 'Invalid input: `errors[]` names each field and why',
  401: 'Missing, expired or invalid bearer token',
  403: 'Your role, or your membership of this commission, does not allow it',
  404: 'No such commission or item, or one hidden from you',
  409: 'Not allowed now: `stage` says where the commission is and `detail` why (or the Idempotency-Key was used with another body)',
  413: 'The body is larger than the limit',
  415: 'The body must be application/json',
  429: 'Too many requests: wait for the time in Retry-After',
};

/** The error statuses an operation can answer with, from what it takes and whether it is secured. */
function errorsOf(method: string, path: string, op: Operation): number[] {
  const secured = (op.security?.length ?? 0) > 0;
  const params = op.parameters ?? [];
  const writes = method === 'post' || method === 'put';
  const statuses = new Set<number>();
  if (writes || params.some((p) => p.in === 'query')) statuses.add(400);
  const onOne = params.some((p) => p.in === 'path');
  if (secured) [401, 429].forEach((s) => statuses.add(s));
  // Lists, calendar maths and my tasks are open to every role; a commission or a command is not.
  if (secured && (onOne || writes)) statuses.add(403);
  if (onOne) statuses.add(404);
  // A command on a commission can be refused by its stage; any POST by a reused Idempotency-Key.
  if (method === 'post' || (writes && path.includes('{id}'))) statuses.add(409);
  if (writes) [413, 415].forEach((s) => statuses.add(s));
  return [...statuses].sort();
}

const isIdempotencyHeader = (p: { name: string; in: string }) =>
  p.in === 'header' && p.name.toLowerCase() === 'idempotency-key';

/**
 * Completes what the decorators leave out: the description, a response schema for every
 * operation, the problem+json errors each can answer with, and exactly one optional
 * Idempotency-Key on each POST. Two used to appear: the controllers read the key with
 * `@Headers('idempotency-key')`, which @nestjs/swagger documents as a *required* header of that
 * name, next to the optional `@ApiHeader('Idempotency-Key')` of CommandEndpoint; header names are
 * case-insensitive, so both are the one header the IdempotencyInterceptor reads.
 */
export function describeDocument(doc: OpenAPIObject): OpenAPIObject {
  doc.info.description = API_DESCRIPTION;
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, ...RESPONSE_SCHEMAS } };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, value] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const op = value as Operation;
      const rest = (op.parameters ?? []).filter((p) => !isIdempotencyHeader(p));
      op.parameters = method === 'post' ? [...rest, { ...IDEMPOTENCY_PARAMETER }] : rest;
      describeSuccess(`${method} ${path}`, op);
      for (const status of errorsOf(method, path, op)) {
        op.responses[status] = {
          description: op.responses[status]?.description ?? ERRORS[status],
          content: PROBLEM,
        };
      }
    }
  }
  return doc;
}

function describeSuccess(key: string, op: Operation): void {
  const schemaName = OPERATION_RESPONSES[key];
  const success = Object.keys(op.responses).filter((s) => /^2\d\d$/.test(s));
  for (const status of success.length ? success : ['200']) {
    const response = (op.responses[status] ??= { description: 'OK' });
    if (response.content?.['application/json']?.schema || !schemaName) continue;
    response.content = { 'application/json': { schema: { $ref: `#/components/schemas/${schemaName}` } } };
    if (!response.description) response.description = 'OK';
  }
  // Health answers 503 with the same body, saying which dependency is down.
  if (key === 'get /v1/health') {
    op.responses['503'] = {
      description: 'Temporal or PostgreSQL is down',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } },
    };
  }
}
