import type { Context } from 'hono';
import { apiError, describeIssues } from './errors';

/** An OpenAPI `content` block for a JSON body or answer. */
export const jsonContent = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

/** Every route answers invalid input the same way: 400 with the fields named. */
export function validationHook(
  result:
    | { success: true }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } },
  c: Context,
) {
  if (!result.success) return apiError(c, 'bad_request', describeIssues(result.error.issues));
  return undefined;
}
