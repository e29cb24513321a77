import { Long, type Document } from 'bson';
import { MongoCommandError } from '../errors';
import { MAX_DOCUMENT_SIZE, MAX_MESSAGE_SIZE } from '../limits';
import { isPlainObject, numberOf } from '../query/values';
import type { EmulatorState } from '../state';
import type { CommandContext } from './context';
import type { CommandTable } from './types';
import { MAX_BATCH } from './write-batch';

export const MAX_WIRE_VERSION = 21;
export const SERVER_VERSION = '7.0.14';

/** The hello/isMaster answer of the primary of a one-node replica set. */
export function helloReply(
  state: EmulatorState,
  connectionId: number,
  legacy: boolean,
  helloOk: boolean,
): Document {
  const now = new Date();
  const opTime = { ts: state.operationTime(), t: Long.fromNumber(1) };
  return {
    topologyVersion: { processId: state.topologyProcessId, counter: Long.fromNumber(0) },
    hosts: [state.hostAndPort],
    setName: state.identity.replicaSetName,
    setVersion: 1,
    [legacy ? 'ismaster' : 'isWritablePrimary']: true,
    secondary: false,
    primary: state.hostAndPort,
    me: state.hostAndPort,
    electionId: state.electionId,
    lastWrite: { opTime, lastWriteDate: now, majorityOpTime: opTime, majorityWriteDate: now },
    maxBsonObjectSize: MAX_DOCUMENT_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_SIZE,
    maxWriteBatchSize: MAX_BATCH,
    localTime: now,
    logicalSessionTimeoutMinutes: state.sessions.timeoutMinutes,
    connectionId,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
    ...(helloOk ? { helloOk: true } : {}),
    ok: 1,
  };
}

function hello(legacy: boolean) {
  return (context: CommandContext): Document => {
    if (
      isPlainObject(context.command.client) &&
      isPlainObject(context.command.client.application)
    ) {
      const name = context.command.client.application.name;
      if (typeof name === 'string') context.connection.appName = name;
    }
    return helloReply(
      context.state,
      context.connection.id,
      legacy,
      context.command.helloOk === true,
    );
  };
}

function buildInfo(): Document {
  return {
    version: SERVER_VERSION,
    gitVersion: '0000000000000000000000000000000000000000',
    versionArray: SERVER_VERSION.split('.').map(Number).concat(0),
    bits: 64,
    debug: false,
    maxBsonObjectSize: MAX_DOCUMENT_SIZE,
    storageEngines: ['inMemory'],
    modules: [],
    ok: 1,
  };
}

function getParameter(context: CommandContext): Document {
  const reply: Document = { ok: 1 };
  const wantsAll = context.command.getParameter === '*';
  if (wantsAll || context.command.ttlMonitorSleepSecs !== undefined)
    reply.ttlMonitorSleepSecs = context.engine.parameters.ttlMonitorSleepSecs;
  if (wantsAll || context.command.featureCompatibilityVersion !== undefined)
    reply.featureCompatibilityVersion = { version: '7.0' };
  if (wantsAll || context.command.transactionLifetimeLimitSeconds !== undefined)
    reply.transactionLifetimeLimitSeconds = 60;
  return reply;
}

function setParameter(context: CommandContext): Document {
  const reply: Document = { ok: 1 };
  if (context.command.ttlMonitorSleepSecs !== undefined) {
    const value = numberOf(context.command.ttlMonitorSleepSecs);
    if (!Number.isInteger(value) || value < 1)
      throw new MongoCommandError('BadValue', 'ttlMonitorSleepSecs must be a positive integer');
    reply.was = context.engine.parameters.ttlMonitorSleepSecs;
    context.engine.parameters.ttlMonitorSleepSecs = value;
  }
  return reply;
}

export const handshakeCommands: CommandTable = {
  hello: hello(false),
  isMaster: hello(true),
  ismaster: hello(true),
  ping: () => ({ ok: 1 }),
  buildInfo,
  buildinfo: buildInfo,
  hostInfo: () => ({
    system: { currentTime: new Date(), hostname: 'localhost', cpuAddrSize: 64, numCores: 2 },
    os: { type: 'Linux' },
    extra: {},
    ok: 1,
  }),
  getParameter,
  setParameter,
  serverStatus: (context) => ({
    host: context.state.hostAndPort,
    version: SERVER_VERSION,
    process: 'mongod',
    uptime: Math.floor((Date.now() - context.state.startedAt) / 1000),
    localTime: new Date(),
    connections: { current: 1, available: 1000 },
    repl: {
      setName: context.state.identity.replicaSetName,
      isWritablePrimary: true,
      primary: context.state.hostAndPort,
    },
    ok: 1,
  }),
  whatsmyuri: () => ({ you: '127.0.0.1:0', ok: 1 }),
  getCmdLineOpts: () => ({ argv: ['mongod'], parsed: {}, ok: 1 }),
  connectionStatus: () => ({
    authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] },
    ok: 1,
  }),
  getLog: () => ({ totalLinesWritten: 0, log: [], ok: 1 }),
  replSetGetStatus: (context) => ({
    set: context.state.identity.replicaSetName,
    myState: 1,
    members: [
      {
        _id: 0,
        name: context.state.hostAndPort,
        health: 1,
        state: 1,
        stateStr: 'PRIMARY',
        self: true,
      },
    ],
    ok: 1,
  }),
  endSessions: (context) => {
    const lsids = Array.isArray(context.command.endSessions) ? context.command.endSessions : [];
    context.state.sessions.end(lsids);
    return { ok: 1 };
  },
  killSessions: (context) => {
    const lsids = Array.isArray(context.command.killSessions) ? context.command.killSessions : [];
    context.state.sessions.end(lsids);
    return { ok: 1 };
  },
  killAllSessions: (context) => {
    context.state.sessions.endAll();
    return { ok: 1 };
  },
  refreshSessions: (context) => {
    const lsids = context.command.refreshSessions;
    context.state.sessions.refresh(Array.isArray(lsids) ? lsids : []);
    return { ok: 1 };
  },
  startSession: () => ({ ok: 1 }),
  logout: () => ({ ok: 1 }),
};
