import { fromWireError, type ApiResult } from './api-error.ts';
import { API_METHOD_NAMES, type ApiMethodName } from './api-methods.ts';
import type { FolioApi } from './folio-api.ts';

/** Sends one call over some transport (IPC, HTTP) and returns the envelope. */
export type ApiTransport = (method: ApiMethodName, args: unknown[]) => Promise<ApiResult>;

/** Builds a typed FolioApi proxy from the method list: no channel string is typed by hand. */
export function createApiClient(transport: ApiTransport): FolioApi {
  const groups: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const method of API_METHOD_NAMES) {
    const [group, name] = method.split('.') as [string, string];
    groups[group] ??= {};
    groups[group][name] = async (...args: unknown[]) => {
      const result = await transport(method, args);
      if (result.ok) return result.value;
      throw fromWireError(result.error);
    };
  }
  return groups as unknown as FolioApi;
}
