// Turns Zod issues into problems that name the file, the line of the key, the field and what was expected.
import type { z } from 'zod';
import { fieldPath, type Problem } from './problem.ts';
import type { YamlSource } from './yaml-source.ts';
import { didYouMean, nearMiss } from './near-miss.ts';

interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
}

function defOf(schema: z.ZodType): SchemaDef {
  return schema.def as unknown as SchemaDef;
}

/** The keys a strict object at `path` accepts, found by walking the schema the same way the data was. */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = schema;
  const remaining = [...path];
  while (current) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else if (remaining.length === 0) return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
    else if (def.type === 'object' && def.shape) current = def.shape[String(remaining.shift())];
    else if (def.type === 'array') {
      remaining.shift();
      current = def.element;
    } else return [];
  }
  return [];
}

function unknownKeyMessage(key: string, known: readonly string[]): string {
  return `unknown key "${key}" (${didYouMean(key, known)}expected one of: ${known.join(', ')})`;
}

function messageFor(issue: z.core.$ZodIssue): string {
  // A schema's own words ("found 404, which YAML reads as a number…") stand; Zod's defaults are rewritten.
  if (/^(missing|found|empty) /.test(issue.message)) return issue.message;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `missing (expected ${issue.expected})`;
  if (issue.code === 'invalid_type' && /^Invalid input/.test(issue.message)) {
    return `found ${JSON.stringify(issue.input)} (expected ${issue.expected === 'object' ? 'a block of fields' : issue.expected === 'array' ? 'a list' : issue.expected})`;
  }
  if (issue.code === 'too_small' && issue.origin === 'array' && /^Too small/.test(issue.message)) {
    return `has too few entries (expected at least ${String(issue.minimum)})`;
  }
  return issue.message;
}

/** Every issue of a failed parse as problems, unknown keys one problem each with a suggestion for near misses. */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[], source: YamlSource, schema: z.ZodType, pathPrefix: readonly PropertyKey[] = []): Problem[] {
  // A misspelt key also leaves the real key missing; the "did you mean" message covers both.
  const suggested = new Set(
    issues.flatMap((issue) => {
      if (issue.code !== 'unrecognized_keys') return [];
      const known = knownKeysAt(schema, issue.path);
      return issue.keys.flatMap((key) => {
        const nearest = nearMiss(key, known);
        return nearest ? [fieldPath([...issue.path, nearest])] : [];
      });
    }),
  );
  return issues.flatMap((issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined && suggested.has(fieldPath(issue.path))) return [];
    const path = [...pathPrefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, issue.path);
      return issue.keys.map((key) => ({ file: source.file, line: source.lineOf([...path, key]), field: fieldPath([...path, key]), message: unknownKeyMessage(key, known) }));
    }
    if (issue.code === 'invalid_union') {
      // Our unions carry their own message; fall back to the first branch's issues otherwise.
      return [{ file: source.file, line: source.lineOf(path), field: fieldPath(path), message: issue.message }];
    }
    return [{ file: source.file, line: source.lineOf(path), field: fieldPath(path) || '(top level)', message: messageFor(issue) }];
  });
}

export type Validated<T> = { ok: true; data: T } | { ok: false; problems: Problem[] };

export function validateSource<S extends z.ZodType>(schema: S, source: YamlSource): Validated<z.output<S>> {
  const result = schema.safeParse(source.data);
  return result.success ? { ok: true, data: result.data } : { ok: false, problems: problemsFromIssues(result.error.issues, source, schema) };
}
