import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock, CLOCK } from '@kassa/common';
import { TestApp } from './support';
import { useTestApp } from './support/auth';

const STORE_FILE = join(mkdtempSync(join(tmpdir(), 'kassa-store-')), 'store.json');
writeFileSync(
  STORE_FILE,
  JSON.stringify({
    name: 'From the file',
    address: 'Hauptstraße 1, 10115 Berlin',
    phone: '+49 30 1234567',
    email: 'shop@kassa.example',
    timeZone: 'Europe/Berlin',
    hours: {
      monday: ['09:00-12:30', '13:30-18:00'],
      tuesday: ['09:00-12:30', '13:30-18:00'],
      friday: ['09:00-18:00', '22:00-24:00'],
      saturday: ['00:00-02:00', '10:00-14:00'],
    },
    closedDays: ['2025-06-03', { date: '2025-12-25', reason: 'Christmas Day' }],
  }),
);

/** A Berlin wall time in June 2025 (UTC+2); 2025-06-02 is a Monday. */
const berlin = (date: string, time: string) => new Date(`${date}T${time}:00+02:00`);

describe('GET /store-info (e2e)', () => {
  const suite = useTestApp({
    env: { STORE_INFO_FILE: STORE_FILE, STORE_NAME: 'Kassa Music' },
    loginAdmin: false,
  });
  let testApp: TestApp;
  let clock: jest.SpyInstance<Date, []>;

  beforeAll(() => {
    testApp = suite.testApp;
    clock = jest.spyOn(testApp.app.get<Clock>(CLOCK), 'now');
  });

  afterAll(() => clock.mockRestore());

  async function infoAt(now: Date) {
    clock.mockReturnValue(now);
    return testApp.http.get('/store-info').expect(200);
  }

  it('answers the configured store publicly, the variables over the file', async () => {
    const response = await infoAt(berlin('2025-06-02', '10:00'));
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.body).toMatchObject({
      name: 'Kassa Music',
      address: 'Hauptstraße 1, 10115 Berlin',
      phone: '+49 30 1234567',
      email: 'shop@kassa.example',
      timeZone: 'Europe/Berlin',
      closedDays: [
        { date: '2025-06-03', reason: null },
        { date: '2025-12-25', reason: 'Christmas Day' },
      ],
    });
    expect(response.body.openingHours[0]).toEqual({
      day: 'monday',
      hours: [
        { opens: '09:00', closes: '12:30' },
        { opens: '13:30', closes: '18:00' },
      ],
      breaks: [{ from: '12:30', to: '13:30' }],
    });
    expect(response.body.openingHours.map((day: { day: string }) => day.day)).toEqual([
      'monday',
      'tuesday',
      'wednesday',
      'thursday',
      'friday',
      'saturday',
      'sunday',
    ]);
    expect(response.body.openingHours[6]).toEqual({ day: 'sunday', hours: [], breaks: [] });
  });

  it.each([
    ['open in the morning', '2025-06-02', '10:00', true, ['2025-06-02', '12:30', false]],
    ['in the lunch break', '2025-06-02', '13:00', false, ['2025-06-02', '13:30', true]],
    [
      'after closing, before a closing day',
      '2025-06-02',
      '18:00',
      false,
      ['2025-06-06', '09:00', true],
    ],
    ['on the closing day', '2025-06-03', '11:00', false, ['2025-06-06', '09:00', true]],
    ['before midnight, open past it', '2025-06-06', '23:00', true, ['2025-06-07', '02:00', false]],
    ['after midnight', '2025-06-07', '01:59', true, ['2025-06-07', '02:00', false]],
    ['on Saturday afternoon', '2025-06-07', '14:00', false, ['2025-06-09', '09:00', true]],
  ] as const)('says %s', async (_label, date, time, openNow, [nextDate, nextTime, next]) => {
    const response = await infoAt(berlin(date, time));
    expect(response.body).toMatchObject({
      openNow,
      nextChange: { at: berlin(nextDate, nextTime).toISOString(), openNow: next },
    });
  });

  it('lists closing days from today on only', async () => {
    const response = await infoAt(berlin('2025-06-04', '10:00'));
    expect(response.body.closedDays).toEqual([{ date: '2025-12-25', reason: 'Christmas Day' }]);
  });

  it('answers 304 to its ETag until the answer changes', async () => {
    const first = await infoAt(berlin('2025-06-02', '10:00'));
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    clock.mockReturnValue(berlin('2025-06-02', '11:00'));
    const cached = await testApp.http.get('/store-info').set('If-None-Match', etag).expect(304);
    expect(cached.text).toBe('');
    expect(cached.headers.etag).toBe(etag);
    clock.mockReturnValue(berlin('2025-06-02', '12:45'));
    const changed = await testApp.http.get('/store-info').set('If-None-Match', etag).expect(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body.openNow).toBe(false);
  });
});
