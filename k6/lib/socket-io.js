// The socket.io v4 wire protocol over a plain WebSocket, written by hand: Engine.IO packets
// (`0` open, `2` ping, `3` pong, `4` message) carrying socket.io packets (`0` connect,
// `1` disconnect, `2` event, `3` acknowledgement, `4` connect error) for one namespace.
//   client → `40/support,{"token":"…"}`          connect with the access token as `auth`
//   server → `40/support,{"sid":"…"}`            connected (or `44/support,{…}` refused)
//   client → `42/support,7["message:send",{…}]`  an event whose acknowledgement has id 7
//   server → `43/support,7[{"data":{…}}]`        that acknowledgement
//   server → `42/support,["message:new",{…}]`    an event
//   server → `2`, client → `3`                   Engine.IO heartbeat

/**
 * @typedef {{ type: 'open' } | { type: 'ping' } | { type: 'connected' }
 *   | { type: 'refused', error: any } | { type: 'ack', id: number, args: any[] }
 *   | { type: 'event', name: string, args: any[] } | { type: 'other', text: string }} Packet
 */

const PONG = '3';

/**
 * The URL of the WebSocket transport at `baseUrl` (http → ws, https → wss).
 *
 * @param {string} baseUrl
 */
export function socketUrl(baseUrl) {
  return `${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
}

/**
 * @param {string} namespace
 * @param {object} auth
 */
export function connectPacket(namespace, auth) {
  return `40${namespace},${JSON.stringify(auth)}`;
}

/** @param {string} namespace */
export function disconnectPacket(namespace) {
  return `41${namespace},`;
}

/**
 * @param {string} namespace
 * @param {number} ackId
 * @param {string} event
 * @param {object} payload
 */
export function eventPacket(namespace, ackId, event, payload) {
  return `42${namespace},${ackId}${JSON.stringify([event, payload])}`;
}

/**
 * Reads one packet of `namespace` (packets of other namespaces are `other`).
 *
 * @param {string} namespace
 * @param {string} text
 * @returns {Packet}
 */
export function parsePacket(namespace, text) {
  if (text.charAt(0) === '0') return { type: 'open' };
  if (text === '2') return { type: 'ping' };
  const prefix = `4${text.charAt(1)}${namespace},`;
  if (text.charAt(0) !== '4' || text.indexOf(prefix) !== 0) return { type: 'other', text };
  const rest = text.slice(prefix.length);
  const digits = /^\d*/.exec(rest);
  const ackId = digits === null ? '' : digits[0];
  const payload = rest.length > ackId.length ? JSON.parse(rest.slice(ackId.length)) : null;
  switch (text.charAt(1)) {
    case '0':
      return { type: 'connected' };
    case '4':
      return { type: 'refused', error: payload };
    case '3':
      return { type: 'ack', id: Number(ackId), args: payload };
    case '2':
      return { type: 'event', name: payload[0], args: payload.slice(1) };
    default:
      return { type: 'other', text };
  }
}

/**
 * @callback Emit Sends `event` with `payload`; `then` gets its acknowledgement.
 * @param {string} event
 * @param {object} payload
 * @param {(ack: any) => void} then
 * @returns {void}
 *
 * @typedef {object} Session
 * @property {string} namespace
 * @property {object} auth What the server reads as `socket.handshake.auth`.
 * @property {(emit: Emit) => void} onConnected
 * @property {(error: any) => void} onRefused
 * @property {(milliseconds: number) => void} onAcknowledged How long an acknowledgement took.
 */

/**
 * Speaks socket.io on a `k6/ws` socket: answers the Engine.IO handshake by connecting to the
 * namespace with `auth`, answers each ping, and routes acknowledgements to their emitters.
 *
 * @param {import('k6/ws').Socket} socket
 * @param {Session} session
 */
export function speakSocketIo(socket, session) {
  const { namespace } = session;
  /** @type {Record<number, { sentAt: number, then: (ack: any) => void }>} */
  const waiting = {};
  let nextAckId = 1;
  /** @type {Emit} */
  const emit = (event, payload, then) => {
    waiting[nextAckId] = { sentAt: Date.now(), then };
    socket.send(eventPacket(namespace, nextAckId, event, payload));
    nextAckId += 1;
  };
  socket.on('message', (text) => {
    const packet = parsePacket(namespace, text);
    if (packet.type === 'open') socket.send(connectPacket(namespace, session.auth));
    else if (packet.type === 'ping') socket.send(PONG);
    else if (packet.type === 'connected') session.onConnected(emit);
    else if (packet.type === 'refused') session.onRefused(packet.error);
    else if (packet.type === 'ack' && waiting[packet.id]) {
      const { sentAt, then } = waiting[packet.id];
      delete waiting[packet.id];
      session.onAcknowledged(Date.now() - sentAt);
      then(packet.args[0]);
    }
  });
}
