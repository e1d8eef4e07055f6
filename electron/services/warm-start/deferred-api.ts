import { FolioError } from '../../../shared/api/api-error.ts';
import { API_METHOD_NAMES, type ApiArgs, type ApiMethodName, type ApiReturn } from '../../../shared/api/api-methods.ts';
import type { FolioApi } from '../../../shared/api/folio-api.ts';

type AnyMethod = (...args: never[]) => Promise<unknown>;
type MethodTable = Record<string, Record<string, AnyMethod | undefined> | undefined>;

/** Answers a method can give before the library is loaded (rows from the cache, window state). */
export type EarlyAnswers = { [M in ApiMethodName]?: (...args: ApiArgs<M>) => Promise<ApiReturn<M>> };

function call(api: FolioApi, name: ApiMethodName, args: unknown[]): Promise<unknown> {
  const dot = name.indexOf('.');
  const method = (api as unknown as MethodTable)[name.slice(0, dot)]?.[name.slice(dot + 1)];
  if (!method) return Promise.reject(new FolioError('INTERNAL', `The service has no method ${name}`));
  return (method as (...a: unknown[]) => Promise<unknown>)(...args);
}

/**
 * A FolioApi usable before the library has loaded. It is built from the method list, so API
 * groups added later are covered without touching this file. While loading, a method with an
 * early answer gets it; every other call waits for the load (in call order) and then runs on the
 * real API, or rejects with the load's error. Once `settled` resolves, every call goes straight through.
 */
export function deferredApi(loading: Promise<FolioApi>, early: EarlyAnswers): { api: FolioApi; settled: Promise<void> } {
  let state: 'loading' | 'loaded' | 'failed' = 'loading';
  let loaded: FolioApi | null = null;
  // Whoever waits on `settled` (service.ready) then finds every call going to the loaded API.
  const settled = loading.then(
    (api) => {
      loaded = api;
      state = 'loaded';
    },
    (error: unknown) => {
      state = 'failed';
      throw error;
    },
  );
  const groups: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const name of API_METHOD_NAMES) {
    const dot = name.indexOf('.');
    const group = (groups[name.slice(0, dot)] ??= {});
    const answer = early[name] as ((...a: unknown[]) => Promise<unknown>) | undefined;
    group[name.slice(dot + 1)] = (...args) => {
      if (loaded) return call(loaded, name, args);
      if (answer && state === 'loading') return answer(...args);
      return loading.then((api) => call(api, name, args));
    };
  }
  return { api: groups as unknown as FolioApi, settled };
}
