import { OpeningSpan } from '../store-info/opening-schedule';
import { CalendarDate, Weekday, WEEKDAYS } from '../store-info/zoned-time';

/** A whole day the store stays closed, in its time zone. */
export interface StoreClosedDay {
  date: CalendarDate;
  reason: string | null;
}

const SPAN = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function minutes(hours: string, mins: string, allowEndOfDay: boolean): number | undefined {
  const value = Number(hours) * 60 + Number(mins);
  if (Number(mins) > 59) return undefined;
  if (Number(hours) <= 23 || (allowEndOfDay && value === 24 * 60)) return value;
  return undefined;
}

function weekdayNamed(name: string): Weekday | undefined {
  const lower = name.trim().toLowerCase();
  return WEEKDAYS.find((day) => day === lower || day.slice(0, 3) === lower);
}

/** `["09:00-12:30", "13:30-18:00"]` → sorted spans; a break is the gap between two spans. */
function parseSpans(spans: unknown, where: string, problems: string[]): OpeningSpan[] {
  if (!Array.isArray(spans)) {
    problems.push(`${where} must be a list of HH:MM-HH:MM spans`);
    return [];
  }
  const parsed: OpeningSpan[] = [];
  for (const text of spans) {
    const match = typeof text === 'string' ? SPAN.exec(text.trim()) : null;
    const opens = match ? minutes(match[1], match[2], false) : undefined;
    const closes = match ? minutes(match[3], match[4], true) : undefined;
    if (opens === undefined || closes === undefined || closes <= opens) {
      problems.push(
        `${where}: ${String(text)} is not a span such as 09:00-18:00 (24:00 ends a day)`,
      );
      continue;
    }
    parsed.push({ opens, closes });
  }
  parsed.sort((a, b) => a.opens - b.opens);
  if (parsed.some((span, index) => index > 0 && span.opens < parsed[index - 1].closes)) {
    problems.push(`${where}: spans overlap`);
  }
  return parsed;
}

function noHours(): Record<Weekday, OpeningSpan[]> {
  return Object.fromEntries(WEEKDAYS.map((day) => [day, []])) as unknown as Record<
    Weekday,
    OpeningSpan[]
  >;
}

/** The days of `mon`, `mon-fri` or `fri-mon` (a range may wrap past Sunday). */
function daysOf(selector: string): Weekday[] | undefined {
  const [first, last = first] = selector.split('-');
  const from = weekdayNamed(first);
  const to = weekdayNamed(last);
  if (!from || !to) return undefined;
  const days: Weekday[] = [];
  for (let index = WEEKDAYS.indexOf(from); ; index = (index + 1) % 7) {
    days.push(WEEKDAYS[index]);
    if (WEEKDAYS[index] === to) return days;
  }
}

/**
 * `STORE_HOURS`: `mon-fri 09:00-12:30,13:30-18:00; sat 10:00-14:00`. Days not named are closed;
 * naming a day twice is refused.
 */
export function parseHoursLine(
  line: string,
  name: string,
  problems: string[],
): Record<Weekday, OpeningSpan[]> {
  const hours = noHours();
  const named = new Set<Weekday>();
  for (const entry of line
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [selector, spans = ''] = entry.split(/\s+/, 2);
    const days = daysOf(selector);
    if (!days) {
      problems.push(`${name}: ${selector} is not a day or range of days such as mon or mon-fri`);
      continue;
    }
    const parsed = parseSpans(spans.split(','), `${name} ${selector}`, problems);
    for (const day of days) {
      if (named.has(day)) problems.push(`${name}: ${day} is named twice`);
      named.add(day);
      hours[day] = parsed;
    }
  }
  return hours;
}

/** The file's `hours`: `{ "monday": ["09:00-12:30", "13:30-18:00"], "saturday": [...] }`. */
export function parseHoursByDay(
  value: unknown,
  name: string,
  problems: string[],
): Record<Weekday, OpeningSpan[]> {
  const hours = noHours();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${name} must be an object of weekdays`);
    return hours;
  }
  for (const [key, spans] of Object.entries(value)) {
    const day = weekdayNamed(key);
    if (!day) problems.push(`${name}: ${key} is not a weekday`);
    else hours[day] = parseSpans(spans, `${name} ${day}`, problems);
  }
  return hours;
}

function isCalendarDate(text: string): boolean {
  return DATE.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

/** Closing days: `"2025-12-25"` or `{ "date": "2025-12-31", "reason": "Inventory" }`, sorted. */
export function parseClosedDays(
  entries: unknown,
  name: string,
  problems: string[],
): StoreClosedDay[] {
  if (!Array.isArray(entries)) {
    problems.push(`${name} must be a list of dates`);
    return [];
  }
  const days: StoreClosedDay[] = [];
  for (const entry of entries) {
    const { date, reason } =
      typeof entry === 'string'
        ? { date: entry.trim(), reason: null }
        : ((entry ?? {}) as { date?: unknown; reason?: unknown });
    if (typeof date !== 'string' || !isCalendarDate(date)) {
      problems.push(`${name}: ${JSON.stringify(entry)} is not a date such as 2025-12-25`);
    } else if (reason !== null && reason !== undefined && typeof reason !== 'string') {
      problems.push(`${name}: the reason for ${date} must be text`);
    } else {
      days.push({ date, reason: typeof reason === 'string' ? reason : null });
    }
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}
