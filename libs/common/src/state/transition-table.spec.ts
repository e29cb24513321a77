import { TransitionTable } from './transition-table';

describe('TransitionTable', () => {
  const table = new TransitionTable<'draft' | 'sent' | 'void'>('Letter', {
    draft: ['sent', 'void'],
    sent: ['void'],
    void: [],
  });

  it('allows the listed moves only', () => {
    expect(table.allows('draft', 'sent')).toBe(true);
    expect(table.allows('sent', 'draft')).toBe(false);
    expect(table.allows('void', 'void')).toBe(false);
  });

  it('refuses any other move with INVALID_TRANSITION naming both states', () => {
    expect(() => table.assert('sent', 'void')).not.toThrow();
    expect(() => table.assert('void', 'sent')).toThrow('Letter cannot go from void to sent');
  });

  it('names the states a target is reached from', () => {
    expect(table.statesBefore('void')).toEqual(['draft', 'sent']);
    expect(table.statesBefore('draft')).toEqual([]);
  });
});
