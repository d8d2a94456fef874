import type { IncomingMessage, ServerResponse } from 'node:http';
import { problem } from '../problem/problem';
import { ProblemException } from '../problem/problem.exception';
import { jsonNestsDeeperThan } from './json-depth';
import { REQUEST_LIMITS } from './request-limits';

/**
 * Options of the JSON body parser: the size limit (413 above it) and a check of the raw bytes
 * before parsing. RFC 8259 §8.1 has JSON exchanged between systems in UTF-8, and only UTF-8 lets
 * the depth scan read brackets byte by byte.
 */
export function jsonBodyOptions(limit: string) {
  return {
    limit,
    verify(_req: IncomingMessage, _res: ServerResponse, body: Buffer, encoding: string) {
      if (encoding.toLowerCase() !== 'utf-8') {
        throw new ProblemException(problem(415, 'JSON bodies must be UTF-8 (RFC 8259 §8.1)'));
      }
      if (jsonNestsDeeperThan(body, REQUEST_LIMITS.jsonDepth)) {
        throw ProblemException.badRequest(
          `the body nests arrays or objects deeper than ${REQUEST_LIMITS.jsonDepth} levels`,
        );
      }
    },
  };
}
