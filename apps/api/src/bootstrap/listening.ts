import { AddressInfo, createServer } from 'node:net';
import { StartupRefusal } from './startup-refusal';

/**
 * Fails at once, before any start-up work, when another process holds the port: otherwise the
 * whole app would initialise (and seed) only to fail at `listen`.
 */
export async function ensurePortIsFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupRefusal(
              `Port ${port} on ${host} is already in use: stop the server using it, or set PORT`,
            )
          : error,
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** Where the server really listens, and a URL a person can open when it is every interface. */
export function describeListeningAddress(address: AddressInfo | string | null): string {
  if (address === null || typeof address === 'string') return String(address);
  const { address: host, port } = address;
  const shown = host.includes(':') ? `[${host}]` : host;
  const everywhere = host === '0.0.0.0' || host === '::';
  return everywhere
    ? `http://${shown}:${port} (every interface; locally http://localhost:${port})`
    : `http://${shown}:${port}`;
}
