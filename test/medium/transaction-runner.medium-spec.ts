import { TransactionRunner, currentSession } from '@kassa/database';
import { Role } from '../../apps/api/src/access/role';
import { UserStatus } from '../../apps/api/src/users/user-status';
import { UsersModule } from '../../apps/api/src/users/users.module';
import { UsersRepository } from '../../apps/api/src/users/users.repository';
import { useMediumContext } from './support/medium-context';

function newUser(name: string) {
  return {
    username: name,
    email: `${name}@example.test`,
    passwordHash: 'scrypt$test',
    role: Role.Customer,
    status: UserStatus.Active,
  };
}

describe(`${TransactionRunner.name} (medium)`, () => {
  const context = useMediumContext([UsersModule]);
  let transactions: TransactionRunner;
  let users: UsersRepository;

  beforeAll(() => {
    transactions = context.get(TransactionRunner);
    users = context.get(UsersRepository);
  });

  it('rolls back a repository write made inside run() without passing anything', async () => {
    await expect(
      transactions.run(async () => {
        await users.create(newUser('rolled_back'));
        expect(await users.findByUsername('rolled_back')).not.toBeNull();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await users.findByUsername('rolled_back')).toBeNull();
  });

  it('commits every write of run() together', async () => {
    const names = await transactions.run(async () => {
      await users.create(newUser('committed_1'));
      await users.create(newUser('committed_2'));
      return ['committed_1', 'committed_2'];
    });
    for (const name of names) expect(await users.findByUsername(name)).not.toBeNull();
  });

  it('keeps its writes invisible outside the transaction until it commits', async () => {
    const outsideRead = () =>
      context.connection.collection('users').findOne({ usernameLower: 'in_flight' });
    await transactions.run(async () => {
      await users.create(newUser('in_flight'));
      expect(await users.findByUsername('in_flight')).not.toBeNull();
      expect(await outsideRead()).toBeNull();
    });
    expect(await outsideRead()).not.toBeNull();
  });

  it('runs nothing in a session outside run()', async () => {
    expect(currentSession()).toBeUndefined();
    await users.create(newUser('no_session'));
    expect(currentSession()).toBeUndefined();
  });

  it('joins the outer transaction when run() is nested', async () => {
    await expect(
      transactions.run(async () => {
        const outer = currentSession();
        await transactions.run(async () => {
          expect(currentSession()).toBe(outer);
          await users.create(newUser('nested_inner'));
        });
        throw new Error('outer fails');
      }),
    ).rejects.toThrow('outer fails');
    expect(await users.findByUsername('nested_inner')).toBeNull();
  });

  it('runs the callback again when its transaction meets a write conflict, until both commit', async () => {
    const { _id: id } = await users.create(newUser('contended'));
    const model = context.connection.model('User');
    const bump = () => model.updateOne({ _id: id }, { $inc: { tokenVersion: 1 } }).exec();
    let wrote!: () => void;
    const firstWrote = new Promise<void>((resolve) => (wrote = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = transactions.run(async () => {
      await bump();
      wrote();
      await held;
    });
    await firstWrote;
    let secondRuns = 0;
    const second = transactions.run(async () => {
      secondRuns++;
      if (secondRuns === 2) release();
      await bump();
    });
    await Promise.all([first, second]);
    expect(secondRuns).toBeGreaterThanOrEqual(2);
    const stored = await context.connection.collection('users').findOne({ _id: id as never });
    expect(stored?.tokenVersion).toBe(2);
  });

  it('queues transactions that share a turn, so they never meet in a write conflict', async () => {
    const { _id: id } = await users.create(newUser('queued'));
    const model = context.connection.model('User');
    let runs = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        transactions.run(
          async () => {
            runs++;
            await model.updateOne({ _id: id }, { $inc: { tokenVersion: 1 } }).exec();
            await new Promise((resolve) => setImmediate(resolve));
          },
          { turn: 'queued-user' },
        ),
      ),
    );
    expect(runs).toBe(8);
    const stored = await context.connection.collection('users').findOne({ _id: id as never });
    expect(stored?.tokenVersion).toBe(8);
  });
});
