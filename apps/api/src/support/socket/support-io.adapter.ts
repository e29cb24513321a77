import { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { INestApplicationContext } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/mongo-adapter';
import { Collection, Connection } from 'mongoose';
import type { Server, ServerOptions } from 'socket.io';
import { Configuration } from '../../config/configuration';
import { SECURITY_HEADERS } from '../../http/security-headers';
import { resolveChatRelay } from './chat-relay';

/** Socket.io frames larger than this are refused; a 2,000-character message is at most 8 KB. */
const MAX_FRAME_BYTES = 64 * 1024;

export interface SupportIoOptions {
  /** Browser origins allowed to connect (`CORS_ORIGINS`); requests without an origin pass. */
  corsOrigins: string[];
  /** Where events for other instances go; none keeps them in this process. */
  relay?: Collection;
}

/**
 * socket.io on the API's own HTTP server (Fastify's), with the HTTP edge's rules: browser origins
 * from the CORS allow-list only (the token travels in the handshake payload, never in a cookie, so
 * another site cannot ride a visitor's session anyway), small frames, the security headers on its
 * HTTP answers, and the MongoDB relay between instances when there is one.
 */
export class SupportIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly options: SupportIoOptions,
  ) {
    super(app);
  }

  createIOServer(port: number, options?: ServerOptions): Server {
    const { corsOrigins, relay } = this.options;
    const server = super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: MAX_FRAME_BYTES,
      cors: { origin: corsOrigins, credentials: false },
      allowRequest: (
        request: IncomingMessage,
        callback: (error: string | null, allowed: boolean) => void,
      ) => {
        const origin = request.headers.origin;
        callback(null, origin === undefined || corsOrigins.includes(origin));
      },
    }) as Server;
    this.addSecurityHeaders(server);
    if (relay) server.adapter(createAdapter(relay, { addCreatedAtField: true }));
    return server;
  }

  /**
   * socket.io answers its HTTP requests itself, before Fastify and its hooks see them: the
   * security headers are set on each such response first (refusals included), and merge with
   * whatever socket.io writes.
   */
  private addSecurityHeaders(server: Server): void {
    const headers = Object.entries(SECURITY_HEADERS);
    const prefix = `${server.path()}/`;
    (this.httpServer as HttpServer).prependListener(
      'request',
      (request: IncomingMessage, response: ServerResponse) => {
        if (!request.url?.startsWith(prefix)) return;
        for (const [name, value] of headers) response.setHeader(name, value);
      },
    );
  }
}

/** Installs the socket.io adapter of the support chat, relay decided (see `resolveChatRelay`). */
export async function useSupportIoAdapter(
  app: INestApplicationContext,
  configuration: Configuration,
): Promise<IoAdapter> {
  const connection = app.get<Connection>(getConnectionToken());
  const relay = await resolveChatRelay(
    connection,
    configuration.support,
    configuration.database.uri !== undefined,
  );
  return new SupportIoAdapter(app, { corsOrigins: configuration.http.corsOrigins, relay });
}
