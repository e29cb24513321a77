import { BenchRequest } from './bench-case';

export interface ApiResponse {
  status: number;
  body: unknown;
}

/** Single requests to the API under test, for case setup and probes (not for load). */
export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async send(request: BenchRequest): Promise<ApiResponse> {
    const response = await fetch(new URL(request.path, this.baseUrl), {
      method: request.method ?? 'GET',
      headers: request.headers,
      body: request.body,
    });
    const text = await response.text();
    return { status: response.status, body: parseJson(text) };
  }

  /** Sends the request and returns the body; any status but 2xx is an error naming the route. */
  async expectOk(request: BenchRequest): Promise<unknown> {
    const { status, body } = await this.send(request);
    if (status < 200 || status > 299) {
      throw new Error(
        `${request.method ?? 'GET'} ${request.path} answered ${status}: ${JSON.stringify(body)}`,
      );
    }
    return body;
  }

  /** Logs in and returns the access token. */
  async login(username: string, password: string): Promise<string> {
    const body = (await this.expectOk({
      method: 'POST',
      path: '/auth/login',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    })) as { accessToken: string };
    return body.accessToken;
  }
}

/** The body as JSON, or the text itself when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
