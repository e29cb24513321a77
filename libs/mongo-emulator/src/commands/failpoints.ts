import type { Document } from 'bson';
import { MongoCommandError } from '../errors';
import { FAIL_POINT_NAMES, type FailPointName } from '../failpoints';
import type { CommandContext } from './context';
import type { CommandTable } from './types';

function configureFailPoint(context: CommandContext): Document {
  if (context.db !== 'admin')
    throw new MongoCommandError(
      'Unauthorized',
      'configureFailPoint may only be run against the admin database.',
    );
  const name = context.command.configureFailPoint as FailPointName;
  if (!FAIL_POINT_NAMES.includes(name))
    throw new MongoCommandError('BadValue', `Cannot find FailPoint named '${String(name)}'`);
  context.state.failPoints.configure(name, context.command.mode, context.command.data);
  return { count: 0, ok: 1 };
}

export const failPointCommands: CommandTable = { configureFailPoint };
