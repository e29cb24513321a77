import type { Document } from 'bson';
import type { CommandContext } from './context';

export type CommandHandler = (context: CommandContext) => Document | Promise<Document>;

export type CommandTable = Record<string, CommandHandler>;
