/**
 * The guard's verdict memo: the same text is judged once, a different text is judged anew, the memo is
 * bounded, and it holds no text (it spans tenants and sees text before the guard has passed it).
 */
import { VerdictMemo } from '../../../../subgraphs/coaching/engine/verdict-memo';

describe('VerdictMemo', () => {
  test('judges a text once, another text anew, and forgets the least recently used beyond its bound', () => {
    const memo = new VerdictMemo<number>(2, 100);
    const judged: string[] = [];
    const judge = (t: string) => (judged.push(t), t.length);
    expect([memo.get('aa', judge), memo.get('aa', judge), memo.get('bbb', judge)]).toEqual([2, 2, 3]);
    expect(judged).toEqual(['aa', 'bbb']);
    memo.get('aa', judge); // 'aa' most recent: 'bbb' goes first
    memo.get('cccc', judge);
    memo.get('bbb', judge);
    expect(judged).toEqual(['aa', 'bbb', 'cccc', 'bbb']);
    expect(memo.size).toBe(2);
  });

  test('texts longer than the key bound are judged every time', () => {
    const memo = new VerdictMemo<boolean>(10, 3);
    let calls = 0;
    memo.get('long text', () => (calls++, true));
    memo.get('long text', () => (calls++, true));
    expect([calls, memo.size]).toEqual([2, 0]);
  });

  test('holds no judged text, only digests', () => {
    const memo = new VerdictMemo<boolean>(10, 1_000);
    const text = 'Keep the search to neighborhoods where Jane Roe, 555-0100, would fit in';
    memo.get(text, () => false);
    const held = JSON.stringify([...(memo as unknown as { entries: Map<string, boolean> }).entries.keys()]);
    expect(held).not.toContain('Jane');
    expect(held).not.toContain('neighborhoods');
  });
});
