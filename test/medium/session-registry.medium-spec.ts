import { UnauthenticatedError } from '@kassa/common';
import { AccessModule } from '../../apps/api/src/access/access.module';
import { Role } from '../../apps/api/src/access/role';
import { SessionRegistry } from '../../apps/api/src/access/sessions/session-registry';
import { useMediumContext } from './support/medium-context';

const inAMinute = () => new Date(Date.now() + 60_000);

function claims(userId: string, sessionId: string) {
  return { sub: userId, role: Role.Customer, jti: 'jti', fid: sessionId, iat: 0, exp: 0 };
}

describe(`${SessionRegistry.name} (medium)`, () => {
  const context = useMediumContext([AccessModule]);
  let sessions: SessionRegistry;

  beforeAll(() => {
    sessions = context.get(SessionRegistry);
  });

  it('names the caller of a token of a live session, with the role stored on it', async () => {
    const id = await sessions.start({ userId: 'u-1', role: Role.Support, expiresAt: inAMinute() });
    await expect(sessions.callerOf(claims('u-1', id))).resolves.toMatchObject({
      id: 'u-1',
      role: Role.Support,
      fid: id,
    });
  });

  it('refuses a token whose session belongs to someone else', async () => {
    const id = await sessions.start({ userId: 'u-2', role: Role.Admin, expiresAt: inAMinute() });
    await expect(sessions.callerOf(claims('u-3', id))).rejects.toThrow(UnauthenticatedError);
  });

  it('refuses every token of an ended session, and of an expired one', async () => {
    const ended = await sessions.start({
      userId: 'u-4',
      role: Role.Customer,
      expiresAt: inAMinute(),
    });
    await sessions.end(ended);
    await expect(sessions.callerOf(claims('u-4', ended))).rejects.toThrow(UnauthenticatedError);
    const expired = await sessions.start({
      userId: 'u-4',
      role: Role.Customer,
      expiresAt: new Date(Date.now() - 1000),
    });
    await expect(sessions.callerOf(claims('u-4', expired))).rejects.toThrow(UnauthenticatedError);
  });

  it('ends all sessions of one user and no one else', async () => {
    const start = (userId: string) =>
      sessions.start({ userId, role: Role.Customer, expiresAt: inAMinute() });
    const mine = [await start('u-5'), await start('u-5')];
    const theirs = await start('u-6');
    await sessions.endAllOf('u-5');
    for (const id of mine) expect(await sessions.find(id)).toBeNull();
    expect(await sessions.find(theirs)).not.toBeNull();
  });

  it('does not extend a session that was ended', async () => {
    const id = await sessions.start({ userId: 'u-7', role: Role.Customer, expiresAt: inAMinute() });
    expect(await sessions.extend(id, inAMinute())).toBe(true);
    await sessions.end(id);
    expect(await sessions.extend(id, inAMinute())).toBe(false);
  });
});
