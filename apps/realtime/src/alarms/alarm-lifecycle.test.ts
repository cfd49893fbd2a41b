import { describe, expect, it } from 'vitest';
import { AlarmTransitionError, initialLifecycle, transition, type AlarmEvent, type AlarmLifecycle, type AlarmState } from './alarm-lifecycle.ts';

const A: AlarmEvent = { type: 'activate', value: 30 };
const C: AlarmEvent = { type: 'clear', value: 5 };
const ACK: AlarmEvent = { type: 'ack' };
const SHELVE: AlarmEvent = { type: 'shelve', untilMs: 1000, reason: 'maintenance' };

/** Runs events from a fresh alarm and returns the states after each. */
function states(events: AlarmEvent[]): AlarmState[] {
  let l: AlarmLifecycle = initialLifecycle();
  return events.map((e) => (l = transition(l, e)).state);
}

const CASES: { title: string; events: AlarmEvent[]; expected: AlarmState[] }[] = [
  { title: 'raise, acknowledge, clear', events: [A, ACK, C], expected: ['unacknowledged', 'acknowledged', 'normal'] },
  { title: 'raise, clear unacknowledged, acknowledge', events: [A, C, ACK], expected: ['unacknowledged', 'rtn-unacknowledged', 'normal'] },
  { title: 'returns, then comes back before anyone acknowledged', events: [A, C, A], expected: ['unacknowledged', 'rtn-unacknowledged', 'unacknowledged'] },
  { title: 'a repeat while active stays one alarm', events: [A, A, ACK, A], expected: ['unacknowledged', 'unacknowledged', 'acknowledged', 'acknowledged'] },
  { title: 'shelved: the process moves underneath, unshelve tells the truth (active)', events: [A, SHELVE, C, A, { type: 'unshelve' }], expected: ['unacknowledged', 'shelved', 'shelved', 'shelved', 'unacknowledged'] },
  { title: 'shelved: expiry after the condition cleared returns to normal', events: [A, SHELVE, C, { type: 'shelve-expired' }], expected: ['unacknowledged', 'shelved', 'shelved', 'normal'] },
  { title: 'suppressed by design (ESD closed) and released', events: [{ type: 'suppress', reason: 'ESD-1 closed' }, A, { type: 'unsuppress' }], expected: ['suppressed', 'suppressed', 'unacknowledged'] },
  { title: 'out of service and back', events: [A, { type: 'out-of-service', reason: 'sensor replaced' }, C, { type: 'return-to-service' }], expected: ['unacknowledged', 'out-of-service', 'out-of-service', 'normal'] },
];

describe('ISA-18.2 alarm lifecycle', () => {
  for (const c of CASES) {
    it(c.title, () => {
      expect(states(c.events), c.title).toEqual(c.expected);
    });
  }

  it('counts activations, including repeats', () => {
    let l = initialLifecycle();
    for (const e of [A, A, ACK, A, C, A]) l = transition(l, e);
    expect(l.count).toBe(4);
    expect(l.processActive).toBe(true);
  });

  const REFUSED: { title: string; events: AlarmEvent[]; refused: AlarmEvent }[] = [
    { title: 'acknowledging a normal alarm', events: [], refused: ACK },
    { title: 'acknowledging twice', events: [A, ACK], refused: ACK },
    { title: 'unshelving an alarm that is not shelved', events: [A], refused: { type: 'unshelve' } },
    { title: 'shelving an alarm out of service', events: [{ type: 'out-of-service', reason: 'x' }], refused: SHELVE },
    { title: 'returning to service an alarm in service', events: [A], refused: { type: 'return-to-service' } },
  ];
  for (const c of REFUSED) {
    it(`refuses ${c.title}`, () => {
      let l = initialLifecycle();
      for (const e of c.events) l = transition(l, e);
      expect(() => transition(l, c.refused), c.title).toThrow(AlarmTransitionError);
    });
  }
});

describe('process activations while hidden', () => {
  const hiders: AlarmEvent[] = [SHELVE, { type: 'suppress', reason: 'by design' }, { type: 'out-of-service', reason: 'calibration' }];
  for (const hide of hiders) {
    it(`counts a new activation while ${hide.type === 'shelve' ? 'shelved' : hide.type}, not a repeat of one already active`, () => {
      let l = transition(transition(transition(initialLifecycle(), A), { type: 'clear', value: 1 }), { type: 'ack' });
      expect(l).toMatchObject({ state: 'normal', count: 1 });
      l = transition(l, hide);
      l = transition(l, A);
      expect(l).toMatchObject({ processActive: true, count: 2 }); // the state stays hidden, the activation is counted
      expect(l.state).not.toBe('unacknowledged');
      l = transition(l, A);
      expect(l.count).toBe(2); // still active: a repeat while hidden is not a new activation
    });
  }
});
