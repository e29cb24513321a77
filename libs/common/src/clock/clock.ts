/**
 * Where rules read the current time: injected (`@Inject(CLOCK)`), so that tests fix it instead
 * of waiting for it.
 */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };
