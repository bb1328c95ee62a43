import * as taro from './taro-mock';

export const answer = (statusCode: number, data: unknown) => Promise.resolve({ statusCode, data, header: {} });
export const offline = () => Promise.reject({ errMsg: 'request:fail timeout' });

type Route = (options: { data?: unknown; header: Record<string, string> }) => Promise<unknown>;

/** Answers `METHOD /path` from a table; an unexpected call fails the test loudly. */
export function serve(routes: Record<string, Route>) {
  taro.request.mockImplementation(
    (options: { url: string; method: string; data?: unknown; header: Record<string, string> }) => {
      const route = routes[`${options.method} ${options.url}`];
      if (!route) throw new Error(`unexpected request ${options.method} ${options.url}`);
      return route(options);
    },
  );
}

/** The requests sent, as `METHOD /path`. */
export const sent = () => taro.request.mock.calls.map(([o]) => `${o.method} ${o.url}`);
