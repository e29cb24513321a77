import { readFileSync } from 'node:fs';
import { IsEmail, IsOptional, IsString, MaxLength } from 'class-validator';
import { OpeningSpan } from '../store-info/opening-schedule';
import { isTimeZone, Weekday } from '../store-info/zoned-time';
import { configKey } from './config-key';
import { parseClosedDays, parseHoursByDay, parseHoursLine, StoreClosedDay } from './store-hours';

/** The store's public details: a JSON file (`STORE_INFO_FILE`) and/or `STORE_*` variables. */
export class StoreInfoEnvironment {
  @IsOptional()
  @IsString()
  STORE_INFO_FILE?: string;

  @IsOptional()
  @IsString()
  @MaxLength(120)
  STORE_NAME?: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  STORE_ADDRESS?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  STORE_PHONE?: string;

  @IsOptional()
  @IsEmail({}, { message: 'STORE_EMAIL must be an email address' })
  STORE_EMAIL?: string;

  @IsOptional()
  @IsString()
  STORE_TIME_ZONE?: string;

  @IsOptional()
  @IsString()
  STORE_HOURS?: string;

  @IsOptional()
  @IsString()
  STORE_CLOSED_DAYS?: string;
}

/** The file's shape; every field optional, `STORE_*` variables win over it. */
interface StoreInfoFile {
  name?: unknown;
  address?: unknown;
  phone?: unknown;
  email?: unknown;
  timeZone?: unknown;
  hours?: unknown;
  closedDays?: unknown;
}

const DEFAULT_HOURS = 'mon-fri 09:00-18:00; sat 10:00-14:00';

function readFile(path: string, problems: string[]): StoreInfoFile {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed;
    problems.push(`STORE_INFO_FILE ${path} must hold a JSON object`);
  } catch (error) {
    problems.push(`STORE_INFO_FILE ${path} cannot be read as JSON: ${(error as Error).message}`);
  }
  return {};
}

function optionalText(value: unknown, field: string, problems: string[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  problems.push(`store ${field} must be a non-empty string`);
  return null;
}

function hoursOf(env: StoreInfoEnvironment, file: StoreInfoFile, problems: string[]) {
  if (env.STORE_HOURS !== undefined)
    return parseHoursLine(env.STORE_HOURS, 'STORE_HOURS', problems);
  if (file.hours !== undefined) return parseHoursByDay(file.hours, 'store hours', problems);
  return parseHoursLine(DEFAULT_HOURS, 'STORE_HOURS', problems);
}

export const storeInfoConfig = configKey('storeInfo');

export interface StoreInfoConfig {
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  timeZone: string;
  hours: Record<Weekday, OpeningSpan[]>;
  closedDays: StoreClosedDay[];
}

/**
 * The store's details, validated at start-up; each problem is added to `problems`. Without any
 * configuration the store is "Kassa" in UTC, open Monday to Friday 09:00-18:00 and Saturday
 * 10:00-14:00.
 */
export function readStoreInfoConfig(
  env: StoreInfoEnvironment,
  problems: string[],
): StoreInfoConfig {
  const file = env.STORE_INFO_FILE ? readFile(env.STORE_INFO_FILE, problems) : {};
  const timeZone =
    env.STORE_TIME_ZONE ?? optionalText(file.timeZone, 'timeZone', problems) ?? 'UTC';
  if (!isTimeZone(timeZone)) problems.push(`STORE_TIME_ZONE ${timeZone} is not an IANA time zone`);
  const email = env.STORE_EMAIL ?? optionalText(file.email, 'email', problems);
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    problems.push('store email must be an email address');
  }
  return {
    name: env.STORE_NAME ?? optionalText(file.name, 'name', problems) ?? 'Kassa',
    address: env.STORE_ADDRESS ?? optionalText(file.address, 'address', problems),
    phone: env.STORE_PHONE ?? optionalText(file.phone, 'phone', problems),
    email,
    timeZone,
    hours: hoursOf(env, file, problems),
    closedDays:
      env.STORE_CLOSED_DAYS !== undefined
        ? parseClosedDays(env.STORE_CLOSED_DAYS.split(','), 'STORE_CLOSED_DAYS', problems)
        : parseClosedDays(file.closedDays ?? [], 'store closedDays', problems),
  };
}
