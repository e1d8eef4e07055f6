import { FolioError, toWireError, type ApiResult } from './api-error.ts';
import { API_ARG_SCHEMAS, isApiMethodName, type ApiMethodName } from './api-methods.ts';
import type { FolioApi } from './folio-api.ts';

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * Validates a method name and its arguments against the schema, then calls the implementation. A host may pass its
 * implementation while the library still opens: the call then waits for it, and a failed open is the call's error.
 */
export async function dispatchApiCall(impl: FolioApi | PromiseLike<FolioApi>, method: unknown, args: unknown): Promise<ApiResult> {
  try {
    if (!isApiMethodName(method)) throw new FolioError('INVALID_ARGUMENT', `Unknown API method: ${String(method).slice(0, 100)}`);
    const parsed = API_ARG_SCHEMAS[method].safeParse(args);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first ? `argument ${first.path.join('.') || '(all)'}: ${first.message}` : 'bad arguments';
      throw new FolioError('INVALID_ARGUMENT', `${method}: ${where}`);
    }
    const value = await methodOf(await impl, method)(...(parsed.data as unknown[]));
    return { ok: true, value: value === undefined ? null : value };
  } catch (error) {
    return { ok: false, error: toWireError(error) };
  }
}

function methodOf(impl: FolioApi, method: ApiMethodName): AnyMethod {
  const [group, name] = method.split('.') as [keyof FolioApi, string];
  const target = impl[group] as unknown as Record<string, AnyMethod>;
  const fn = target[name];
  if (typeof fn !== 'function') throw new FolioError('UNSUPPORTED', `${method} is not implemented by this host`);
  return fn.bind(target);
}
