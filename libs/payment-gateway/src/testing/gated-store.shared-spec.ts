import { PaymentStore } from '../store/payment-store';

type StoreMethod = keyof PaymentStore;

export interface GatedStore {
  store: PaymentStore;
  /** Most calls of the gated method that were inside it at the same time. */
  maxConcurrent(): number;
}

const GATE_WAIT_MS = 10_000;

/**
 * Wraps a store so that the first `parties` calls of `method` all wait at a gate until the last
 * of them has arrived, then run together. `maxConcurrent() === parties` proves that the calls
 * overlapped; if they did not, the gate fails the calls instead of waiting forever.
 */
export function gateMethod(store: PaymentStore, method: StoreMethod, parties: number): GatedStore {
  let arrived = 0;
  let inside = 0;
  let maxInside = 0;
  let open!: () => void;
  let refuse!: (error: Error) => void;
  const gate = new Promise<void>((resolve, reject) => {
    open = resolve;
    refuse = reject;
  });
  const timer = setTimeout(
    () => refuse(new Error(`only ${arrived} of ${parties} ${method} calls arrived together`)),
    GATE_WAIT_MS,
  ).unref();
  const original = store[method].bind(store) as (...args: unknown[]) => Promise<unknown>;
  const gated = async (...args: unknown[]): Promise<unknown> => {
    inside += 1;
    maxInside = Math.max(maxInside, inside);
    try {
      arrived += 1;
      if (arrived === parties) {
        clearTimeout(timer);
        open();
      }
      await gate;
      return await original(...args);
    } finally {
      inside -= 1;
    }
  };
  const wrapped = new Proxy(store, {
    get: (target, property, receiver) =>
      property === method ? gated : Reflect.get(target, property, receiver),
  });
  return { store: wrapped, maxConcurrent: () => maxInside };
}

/** Wraps a store and keeps a JSON copy of every argument any method was given. */
export function recordWrites(store: PaymentStore): { store: PaymentStore; written: string[] } {
  const written: string[] = [];
  const wrapped = new Proxy(store, {
    get: (target, property, receiver) => {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        written.push(JSON.stringify(args));
        return value.apply(target, args);
      };
    },
  });
  return { store: wrapped, written };
}
