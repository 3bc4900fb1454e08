import { describe, expect, it } from 'vitest';
import { isRefusal, SocketLimits, type SocketLimitsConfig, type SocketSlot } from './socket-limits';

const CONFIG: SocketLimitsConfig = {
  enabled: true,
  perAddress: 3,
  perToken: 2,
  upgradeBurst: 5,
  upgradesPerSecond: 1,
  messageBurst: 4,
  messagesPerSecond: 2,
  byteBurst: 100,
  bytesPerSecond: 10,
};

function slot(admission: ReturnType<SocketLimits['admit']>): SocketSlot {
  if (isRefusal(admission)) throw new Error(`refused: ${admission.limit}`);
  return admission;
}

describe('SocketLimits', () => {
  it('caps open sockets per address; a slot given back makes room, another address is not counted', () => {
    const limits = new SocketLimits(CONFIG, () => 0);
    const slots = [1, 2, 3].map((i) => slot(limits.admit('127.0.0.2', `t${i}`)));
    expect(limits.admit('127.0.0.2', 't4')).toMatchObject({ limit: 'socket-address', retryAfterS: 10 });
    expect(isRefusal(limits.admit('127.0.0.3', 't4'))).toBe(false);
    slots[0]?.release();
    slots[0]?.release(); // twice changes nothing
    expect(limits.openFrom('127.0.0.2')).toBe(2);
    expect(isRefusal(limits.admit('127.0.0.2', 't4'))).toBe(false);
  });

  it('caps open sockets per token, from any address', () => {
    const limits = new SocketLimits(CONFIG, () => 0);
    slot(limits.admit('127.0.0.2', 'same'));
    slot(limits.admit('127.0.0.3', 'same'));
    expect(limits.admit('127.0.0.4', 'same')).toMatchObject({ limit: 'socket-token' });
    expect(isRefusal(limits.admit('127.0.0.4', null))).toBe(false);
  });

  it('refuses upgrades past the burst until the bucket refills, and says when', () => {
    let t = 0;
    const limits = new SocketLimits({ ...CONFIG, perAddress: 100 }, () => t);
    for (let i = 0; i < 5; i++) slot(limits.admit('127.0.0.2', null)).release();
    expect(limits.admit('127.0.0.2', null)).toEqual({ limit: 'upgrade-rate', retryAfterS: 1 });
    t = 1000;
    expect(isRefusal(limits.admit('127.0.0.2', null))).toBe(false);
  });

  it('closes a connection past its message rate or its byte rate, not before', () => {
    let t = 0;
    const limits = new SocketLimits(CONFIG, () => t);
    const rate = limits.connectionRate();
    expect([1, 2, 3, 4].map(() => rate.exceeded(1))).toEqual([null, null, null, null]);
    expect(rate.exceeded(1)).toBe('message-rate');
    t = 1000; // two messages' worth
    expect(rate.exceeded(1)).toBeNull();
    const bytes = limits.connectionRate();
    expect(bytes.exceeded(100)).toBeNull();
    expect(bytes.exceeded(1)).toBe('byte-rate');
  });

  it('limits nothing when turned off', () => {
    const limits = new SocketLimits({ ...CONFIG, enabled: false }, () => 0);
    for (let i = 0; i < 20; i++) expect(isRefusal(limits.admit('127.0.0.2', 'same'))).toBe(false);
    const rate = limits.connectionRate();
    for (let i = 0; i < 20; i++) expect(rate.exceeded(1000)).toBeNull();
  });
});
