import { join } from 'node:path';
import { formatMoney, percentOf as appPercentOf } from '@kassa/common';

/** The k6 helpers that import no k6 module, loaded as the scripts load them. */
const LIB = join(__dirname, '..', 'k6', 'lib');

interface Money {
  cents(amount: string): number;
  amount(cents: number): string;
  percentOf(cents: number, percent: number): number;
  sumOf(amounts: string[]): number;
}

interface SocketIo {
  socketUrl(baseUrl: string): string;
  connectPacket(namespace: string, auth: object): string;
  eventPacket(namespace: string, ackId: number, event: string, payload: object): string;
  disconnectPacket(namespace: string): string;
  parsePacket(namespace: string, text: string): Record<string, unknown>;
}

const money = jest.requireActual<Money>(join(LIB, 'money.js'));
const socketIo = jest.requireActual<SocketIo>(join(LIB, 'socket-io.js'));

describe('k6/lib/money.js', () => {
  it('reads and writes the API’s amounts as integer cents', () => {
    expect(['0.00', '12.50', '1299.99', '-3.07'].map(money.cents)).toEqual([0, 1250, 129999, -307]);
    expect([0, 1250, 129999, -307, 5].map(money.amount)).toEqual([
      '0.00',
      '12.50',
      '1299.99',
      '-3.07',
      '0.05',
    ]);
    expect(money.sumOf(['10.99', '0.01', '5.00'])).toBe(1600);
    expect(() => money.cents('12.5')).toThrow('not a money amount: 12.5');
  });

  it('rounds a percentage exactly as the API does, half to even', () => {
    for (const percent of [10, 15, 25, 33]) {
      for (let cents = 0; cents <= 5000; cents += 1) {
        const expected = appPercentOf(cents, percent);
        if (money.percentOf(cents, percent) !== expected) {
          throw new Error(`${percent} % of ${formatMoney(cents)}: ${expected} cents expected`);
        }
      }
    }
    expect([money.percentOf(25, 10), money.percentOf(35, 10), money.percentOf(45, 10)]).toEqual([
      2, 4, 4,
    ]);
  });
});

describe('k6/lib/socket-io.js', () => {
  it('writes the packets a socket.io v4 server reads', () => {
    expect(socketIo.socketUrl('https://shop.example')).toBe(
      'wss://shop.example/socket.io/?EIO=4&transport=websocket',
    );
    expect(socketIo.connectPacket('/support', { token: 't' })).toBe('40/support,{"token":"t"}');
    expect(socketIo.eventPacket('/support', 7, 'message:send', { text: 'Hi' })).toBe(
      '42/support,7["message:send",{"text":"Hi"}]',
    );
    expect(socketIo.disconnectPacket('/support')).toBe('41/support,');
  });

  it.each([
    ['0{"sid":"a","upgrades":[],"pingInterval":25000}', { type: 'open' }],
    ['2', { type: 'ping' }],
    ['40/support,{"sid":"b"}', { type: 'connected' }],
    [
      '44/support,{"message":"no","data":{"error":{"code":"UNAUTHENTICATED"}}}',
      { type: 'refused', error: { message: 'no', data: { error: { code: 'UNAUTHENTICATED' } } } },
    ],
    [
      '43/support,12[{"data":{"ok":true}}]',
      { type: 'ack', id: 12, args: [{ data: { ok: true } }] },
    ],
    [
      '42/support,["message:new",{"message":{"sequence":2}}]',
      { type: 'event', name: 'message:new', args: [{ message: { sequence: 2 } }] },
    ],
    ['42/other,["x",{}]', { type: 'other', text: '42/other,["x",{}]' }],
    ['42["x",{}]', { type: 'other', text: '42["x",{}]' }],
  ])('reads %s', (text, packet) => {
    expect(socketIo.parsePacket('/support', text)).toEqual(packet);
  });
});
