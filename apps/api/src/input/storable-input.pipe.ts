import { Injectable, PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { ID_GRAMMAR, TEXT_LIMITS, unstorableCharacter } from '@app/contracts';
import { ProblemException } from '../problem/problem.exception';
import { REQUEST_LIMITS, RESERVED_KEYS } from './request-limits';

interface Found {
  field: string;
  message: string;
}

/** Field paths as the validator writes them: `panel.0.userId`. */
function child(path: string, key: string | number): string {
  return path ? `${path}.${key}` : String(key);
}

/**
 * The first problem in a body or query, looked for without recursion: nesting too deep, a key
 * that names an object's own machinery, or a string (key or value) that cannot be stored.
 */
function firstProblem(root: unknown, rootPath: string): Found | null {
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: root, path: rootPath, depth: 0 },
  ];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = unstorableCharacter(value);
      if (problem) return { field: path, message: problem };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= REQUEST_LIMITS.jsonDepth) {
      return { field: path, message: `nests deeper than ${REQUEST_LIMITS.jsonDepth} levels` };
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: child(path, i), depth: depth + 1 }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const keyProblem = unstorableCharacter(key);
      if (keyProblem) return { field: child(path, '(a key)'), message: `a field name ${keyProblem}` };
      if (RESERVED_KEYS.has(key))
        return { field: child(path, key), message: `property ${key} should not exist` };
      stack.push({
        value: (value as Record<string, unknown>)[key],
        path: child(path, key),
        depth: depth + 1,
      });
    }
  }
  return null;
}

/**
 * Runs before validation on every body, query and path parameter. Bodies and queries holding text
 * that can never be stored are a 400 naming the field (the per-field rules, with lengths and line
 * breaks, are the DTOs' `@StorableText`). A path parameter is an id in its one canonical spelling:
 * anything else (upper case, spaces, other characters) names no resource, so it is a 404.
 */
@Injectable()
export class StorableInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'param') {
      if (typeof value !== 'string' || value.length > TEXT_LIMITS.id || !ID_GRAMMAR.test(value)) {
        throw ProblemException.notFound(`there is nothing with this ${metadata.data ?? 'id'}`);
      }
      return value;
    }
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    const found = firstProblem(value, '');
    if (found) {
      throw ProblemException.badRequest('the request holds input that cannot be accepted', [
        { field: found.field || metadata.type, message: found.message },
      ]);
    }
    return value;
  }
}
