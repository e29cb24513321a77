import { Db } from 'mongodb';
import { ApiClient } from './api-client';
import { BenchCustomer } from './bench-customers';

/** One HTTP request as the load generator sends it. */
export interface BenchRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path and query string, e.g. `/products?search=maple`. */
  path: string;
  headers?: Record<string, string>;
  /** Sent as is, with its `content-type` in `headers`. */
  body?: string;
}

/** What a case's setup hands the load generator. */
export interface PreparedCase {
  /**
   * The request sent every time, or a function called before each request: for rotating
   * paths, fresh `Idempotency-Key` headers or bodies that must differ per request.
   */
  request: BenchRequest | (() => BenchRequest);
  /** Undoes what the setup made, once the case has been measured. */
  teardown?: () => Promise<void>;
}

/** What the catalog loaded for the run holds, for cases to pick their parameters from. */
export interface BenchCatalog {
  productCount: number;
  /** Ids of active, live products, in a fixed order. */
  visibleProductIds: string[];
  brandNames: string[];
}

/** Everything a case's setup may use: the running API, its database and the loaded catalog. */
export interface BenchContext {
  api: ApiClient;
  /** The API's database through the official driver, for setup that HTTP would make slow. */
  db: Db;
  catalog: BenchCatalog;
  /** A bearer token of the admin seeded at start-up (logged in once, on first use). */
  adminToken(): Promise<string>;
  /**
   * One verified, logged-in customer per connection, made on first use, the past orders of
   * `BENCH_ORDERS` dealt among them.
   */
  customers(): Promise<BenchCustomer[]>;
}

/**
 * One line of the benchmark: a name for `BENCH_CASES`, the route it measures, and an async setup
 * run once before its warm-up (log a customer in, fill a cart, ...).
 */
export interface BenchCase {
  name: string;
  /** The route as the table shows it, e.g. `GET /products/:id`. */
  route: string;
  setup(context: BenchContext): Promise<PreparedCase>;
}
