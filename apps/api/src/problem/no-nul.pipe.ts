import { Injectable, PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { ProblemException } from './problem.exception';

function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findNul(v, `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findNul(v, path ? `${path}.${k}` : k);
      if (found) return found;
    }
  }
  return null;
}

/**
 * PostgreSQL cannot store the NUL character in text or jsonb: accepted, it would make the
 * projection of an already-accepted change fail on every retry. So it is refused at the edge.
 */
@Injectable()
export class NoNulCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query' && metadata.type !== 'param') return value;
    const field = findNul(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
    if (field !== null) {
      throw ProblemException.badRequest('text may not contain the NUL character', [
        { field: field || metadata.type, message: 'contains the NUL character (\\u0000)' },
      ]);
    }
    return value;
  }
}
