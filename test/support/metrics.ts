import { TestApp } from './create-test-app';

/** One scrape of `/metrics`, to read series from. */
export class Scrape {
  constructor(readonly body: string) {}

  static async of(http: TestApp['http'], authorization?: string): Promise<Scrape> {
    const request = http.get('/metrics');
    if (authorization) request.set('Authorization', authorization);
    const response = await request.expect(200);
    return new Scrape(response.text);
  }

  /** The value of one series, named with its labels as Prometheus prints them; 0 when absent. */
  value(series: string): number {
    const line = this.body.split('\n').find((candidate) => candidate.startsWith(`${series} `));
    return line === undefined ? 0 : Number(line.slice(series.length + 1));
  }

  /** Whether a series family (a metric name) has any sample. */
  has(name: string): boolean {
    return this.body
      .split('\n')
      .some((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
  }
}

/** Scrapes until `condition` holds (a job ran, a gauge moved); fails after 10 s. */
export async function scrapeUntil(
  http: TestApp['http'],
  condition: (scrape: Scrape) => boolean,
): Promise<Scrape> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const scrape = await Scrape.of(http);
    if (condition(scrape)) return scrape;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the metrics never showed what was expected');
}
