import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { UnauthenticatedError } from '@kassa/common';
import { AccessTokenVerifier } from '../../access/access-token.verifier';
import { AuthUser } from '../../access/auth-user';
import { describeError } from '../../http/error-response';

/** What a `/support` socket carries once its handshake is accepted. */
export interface SupportSocketData {
  user: AuthUser;
  token: string;
}

const MISSING_TOKEN = 'A handshake access token is required: io("/support", { auth: { token } })';

/** The error a refused handshake sends: `connect_error` with the shared shape in `data`. */
function refusal(error: unknown): Error {
  const described = describeError(error);
  const body = {
    error: { code: described.code, message: described.message, requestId: randomUUID() },
  };
  return Object.assign(new Error(described.message), { data: body });
}

/**
 * The access checks of the support chat, the very ones of the HTTP guard
 * (`AccessTokenVerifier`: signature, expiry, live session): at the handshake, where the token
 * comes in `auth: { token }`, and again before every message, so a socket whose session ended
 * (logout, revocation, role change) or whose token expired is stopped at its next message.
 */
@Injectable()
export class SocketAuthenticator {
  constructor(private readonly verifier: AccessTokenVerifier) {}

  /** Namespace middleware: accepts the socket with its caller, or refuses the connection. */
  readonly handshake = (socket: Socket, next: (error?: Error) => void): void => {
    this.identify(socket).then(
      () => next(),
      (error: unknown) => next(refusal(error)),
    );
  };

  /** The caller behind the socket's token right now; throws when it no longer holds. */
  recheck(socket: Socket): Promise<AuthUser> {
    const { token } = socket.data as SupportSocketData;
    return this.verifier.verify(token);
  }

  private async identify(socket: Socket): Promise<void> {
    const auth = socket.handshake.auth as { token?: unknown } | undefined;
    const token = auth?.token;
    if (typeof token !== 'string' || token === '') throw new UnauthenticatedError(MISSING_TOKEN);
    const data: SupportSocketData = { user: await this.verifier.verify(token), token };
    socket.data = data;
  }
}
