/**
 * Upstream lanes for socketless (SSE) subscriptions: at most `perLane` streams of one owner per lane id
 * (so per upstream connection), a freed place reused before a new lane is opened, owners apart, and a
 * place given back once however often it is released.
 */
import { SubscriptionLanes } from '../../../gateway/subscription-lanes';

describe('SubscriptionLanes', () => {
  test('fills a lane to perLane before opening the next; owners have lanes of their own', () => {
    const lanes = new SubscriptionLanes(3);
    const ids = Array.from({ length: 7 }, () => lanes.take('key-a').id);
    expect(new Set(ids).size).toBe(3);
    for (const id of new Set(ids)) expect(ids.filter((x) => x === id).length).toBeLessThanOrEqual(3);
    expect(lanes.openFor('key-a')).toEqual([3, 3, 1]);
    lanes.take('key-b');
    expect(lanes.openFor('key-b')).toEqual([1]);
    expect(lanes.openFor('key-a')).toEqual([3, 3, 1]);
  });

  test('a released place is reused before a new lane; released twice it counts once; empty owners forgotten', () => {
    const lanes = new SubscriptionLanes(2);
    const [a, b, c] = [lanes.take('k'), lanes.take('k'), lanes.take('k')];
    expect(a.id).toBe(b.id);
    expect(c.id).not.toBe(a.id);
    a.release();
    a.release();
    expect(lanes.openFor('k')).toEqual([1, 1]);
    expect(lanes.take('k').id).toBe(b.id);
    expect(lanes.openFor('k')).toEqual([2, 1]);
    for (const p of [b, c]) p.release();
    expect(lanes.openFor('k')).toEqual([1]);
  });

  test('every place given back: nothing is left counted', () => {
    const lanes = new SubscriptionLanes(100);
    const places = Array.from({ length: 250 }, () => lanes.take('k'));
    expect(lanes.openFor('k')).toEqual([100, 100, 50]);
    for (const p of places) p.release();
    expect(lanes.openFor('k')).toEqual([]);
  });
});
