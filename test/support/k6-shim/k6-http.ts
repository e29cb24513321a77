import { MultipartPart } from './bridge-protocol';
import { currentRecord, sharedBridge } from './run-record';

/**
 * `k6/http` for scripts run in Node, over the {@link SyncBridge}: blocking requests whose
 * responses look as k6 hands them out (canonical header names, a text body, `json()`), each
 * recorded with whether its status was expected (k6's `http_req_failed`). Anything the shim does
 * not implement throws rather than behaving differently from k6.
 */

type StatusRange = number | { min: number; max: number };

export interface ExpectedStatuses {
  readonly statuses: StatusRange[];
}

export interface FileData {
  readonly data: ArrayBuffer | string;
  readonly filename?: string;
  readonly content_type?: string;
}

export interface Params {
  headers?: Record<string, string>;
  tags?: Record<string, string>;
  responseCallback?: ExpectedStatuses | null;
}

type Body = string | Record<string, string | FileData> | null | undefined;

const SUPPORTED_PARAMS = ['headers', 'tags', 'responseCallback'];

export function expectedStatuses(...statuses: StatusRange[]): ExpectedStatuses {
  return { statuses };
}

/** k6's default: 200–399 are expected. */
let responseCallback: ExpectedStatuses | null = expectedStatuses({ min: 200, max: 399 });

export function setResponseCallback(callback: ExpectedStatuses | null): void {
  responseCallback = callback;
}

export function file(
  data: ArrayBuffer | string,
  filename?: string,
  contentType?: string,
): FileData {
  return { data, filename, content_type: contentType };
}

function isFile(value: unknown): value is FileData {
  return typeof value === 'object' && value !== null && 'data' in value;
}

function isExpected(callback: ExpectedStatuses | null, status: number): boolean {
  if (callback === null) return true;
  return callback.statuses.some((range) =>
    typeof range === 'number' ? status === range : status >= range.min && status <= range.max,
  );
}

/** Go's canonical form, as k6 names response headers: `content-type` → `Content-Type`. */
function canonicalHeaderName(name: string): string {
  return name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join('-');
}

function multipartOf(body: Record<string, string | FileData>): MultipartPart[] {
  return Object.entries(body).map(([name, value]) => {
    if (!isFile(value)) return { name, value };
    const data =
      typeof value.data === 'string' ? Buffer.from(value.data) : new Uint8Array(value.data);
    const contentType = value.content_type ?? 'application/octet-stream';
    return { name, file: { data, filename: value.filename ?? name, contentType } };
  });
}

export class Response {
  readonly url: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly error: string;
  readonly request: { method: string; url: string };
  readonly timings: { duration: number };

  constructor(fields: Omit<Response, 'json'>) {
    ({
      url: this.url,
      status: this.status,
      headers: this.headers,
      body: this.body,
      error: this.error,
      request: this.request,
      timings: this.timings,
    } = fields);
  }

  json(selector?: string): unknown {
    if (selector !== undefined) throw new Error('the k6 shim parses whole bodies only');
    return JSON.parse(this.body);
  }
}

function bodyFieldsOf(body: Body): { body?: string; multipart?: MultipartPart[] } {
  if (typeof body === 'string') return { body };
  if (!body) return {};
  if (!Object.values(body).some(isFile)) {
    throw new Error('the k6 shim sends an object body only as multipart (with a file in it)');
  }
  return { multipart: multipartOf(body) };
}

export function request(
  method: string,
  url: string,
  body?: Body,
  params?: Params | null,
): Response {
  const unsupported = Object.keys(params ?? {}).filter((key) => !SUPPORTED_PARAMS.includes(key));
  if (unsupported.length > 0) {
    throw new Error(`the k6 shim does not take ${unsupported.join(', ')}`);
  }
  const sent = { method: method.toUpperCase(), url };
  const headers = { ...params?.headers };
  const reply = sharedBridge().call({ kind: 'http', ...sent, headers, ...bodyFieldsOf(body) });
  const record = currentRecord();
  const name = params?.tags?.name ?? url;
  const callback =
    params?.responseCallback !== undefined ? params.responseCallback : responseCallback;
  if (reply.kind !== 'http') {
    const error = reply.kind === 'failed' ? reply.message : `unexpected ${reply.kind}`;
    record.requests.push({
      ...sent,
      name,
      status: 0,
      group: record.group,
      expected: false,
      durationMs: 0,
    });
    return new Response({
      url,
      status: 0,
      headers: {},
      body: '',
      error,
      request: sent,
      timings: { duration: 0 },
    });
  }
  record.requests.push({
    method: sent.method,
    name,
    status: reply.status,
    group: record.group,
    expected: isExpected(callback, reply.status),
    durationMs: reply.durationMs,
  });
  return new Response({
    url,
    status: reply.status,
    headers: Object.fromEntries(
      reply.headers.map(([key, value]) => [canonicalHeaderName(key), value]),
    ),
    body: Buffer.from(reply.body).toString('utf8'),
    error: '',
    request: sent,
    timings: { duration: reply.durationMs },
  });
}

export function get(url: string, params?: Params | null): Response {
  return request('GET', url, null, params);
}

export function post(url: string, body?: Body, params?: Params | null): Response {
  return request('POST', url, body, params);
}

export function put(url: string, body?: Body, params?: Params | null): Response {
  return request('PUT', url, body, params);
}

export function patch(url: string, body?: Body, params?: Params | null): Response {
  return request('PATCH', url, body, params);
}

export function del(url: string, body?: Body, params?: Params | null): Response {
  return request('DELETE', url, body, params);
}

export default {
  request,
  get,
  post,
  put,
  patch,
  del,
  file,
  expectedStatuses,
  setResponseCallback,
};
