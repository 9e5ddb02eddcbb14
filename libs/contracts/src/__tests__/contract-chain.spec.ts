import { createHash } from 'node:crypto';

import { chainIsValid, eventHash, GENESIS_HASH } from '../contract-chain';
import { type ContractEvent, ContractEventKind } from '../contract-event.entity';

const CONTRACT = '6f1c2c52-5f0e-4d7e-9a59-2f7d3c1b8a01';
const EMPLOYER = '0b7e4a1e-2c1d-4c55-8f0a-7d1e2b3c4d5e';
const SEEKER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

type Step = Pick<ContractEvent, 'kind' | 'actorAccountId' | 'data' | 'occurredAt'>;

const STEPS: Step[] = [
  {
    kind: ContractEventKind.OFFERED,
    actorAccountId: EMPLOYER,
    data: { wage: 2800, contentDigest: 'a'.repeat(64) },
    occurredAt: new Date('2027-03-01T02:00:00Z'),
  },
  { kind: ContractEventKind.SIGNED_BY_SEEKER, actorAccountId: SEEKER, data: { identityCheck: 'SMS_CODE' }, occurredAt: new Date('2027-03-01T03:30:00Z') },
  { kind: ContractEventKind.COUNTERSIGNED, actorAccountId: EMPLOYER, data: {}, occurredAt: new Date('2027-03-02T01:00:00Z') },
];

/** Events as ContractsService appends them: seq from 1, each linked to and hashing over the one before. */
function chain(steps: Step[] = STEPS): ContractEvent[] {
  const events: ContractEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (const [index, step] of steps.entries()) {
    const event = { id: `event-${index + 1}`, contractId: CONTRACT, seq: index + 1, ...step, prevHash, hash: '' };
    event.hash = eventHash(prevHash, event);
    events.push(event);
    prevHash = event.hash;
  }
  return events;
}
const headOf = (events: ContractEvent[]) => events[events.length - 1].hash;

describe('eventHash', () => {
  it('is SHA-256 of the previous hash followed by the canonical JSON of the event', () => {
    const [first] = chain();
    const body =
      `{"actorAccountId":"${EMPLOYER}","at":"2027-03-01T02:00:00.000Z","contractId":"${CONTRACT}",` +
      `"data":{"contentDigest":"${'a'.repeat(64)}","wage":2800},"kind":"OFFERED","seq":1}`;
    expect(first.hash).toBe(
      createHash('sha256')
        .update(GENESIS_HASH + body, 'utf8')
        .digest('hex'),
    );
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('changes with the previous hash and with every field it covers', () => {
    const [first] = chain();
    const base = eventHash(GENESIS_HASH, first);
    const variants = [
      eventHash('1'.repeat(64), first),
      eventHash(GENESIS_HASH, { ...first, contractId: SEEKER }),
      eventHash(GENESIS_HASH, { ...first, seq: 2 }),
      eventHash(GENESIS_HASH, { ...first, kind: ContractEventKind.SENT }),
      eventHash(GENESIS_HASH, { ...first, actorAccountId: null }),
      eventHash(GENESIS_HASH, { ...first, data: { ...first.data, wage: 2801 } }),
      eventHash(GENESIS_HASH, { ...first, occurredAt: new Date(first.occurredAt.getTime() + 1) }),
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });

  it('does not depend on the order of the keys in the event data', () => {
    const [first] = chain();
    expect(eventHash(GENESIS_HASH, { ...first, data: { wage: 2800, contentDigest: 'a'.repeat(64) } })).toBe(
      eventHash(GENESIS_HASH, { ...first, data: { contentDigest: 'a'.repeat(64), wage: 2800 } }),
    );
  });
});

describe('chainIsValid', () => {
  it('accepts the events in order, linked from the genesis hash to the head recorded on the contract', () => {
    const events = chain();
    expect(chainIsValid(events, headOf(events), 3)).toBe(true);
    expect(chainIsValid([], GENESIS_HASH, 0)).toBe(true);
  });

  it('refuses a chain missing its last event, or one the contract does not count', () => {
    const events = chain();
    expect(chainIsValid(events.slice(0, 2), headOf(events), 3)).toBe(false);
    expect(chainIsValid(events.slice(0, 2), events[1].hash, 3)).toBe(false);
    expect(chainIsValid(events, headOf(events), 4)).toBe(false);
  });

  it('refuses an event whose data was edited after it was hashed', () => {
    const events = chain();
    events[1] = { ...events[1], data: { identityCheck: 'NONE' } };
    expect(chainIsValid(events, headOf(events), 3)).toBe(false);
  });

  it('refuses an event edited and hashed again: the next one still links to the old hash', () => {
    const events = chain();
    const edited = { ...events[0], data: { ...events[0].data, wage: 1000 } };
    events[0] = { ...edited, hash: eventHash(GENESIS_HASH, edited) };
    expect(chainIsValid(events, headOf(events), 3)).toBe(false);
  });

  it('refuses a rewritten history, every hash recomputed, against the head the contract recorded', () => {
    const events = chain();
    const forged = chain([{ ...STEPS[0], data: { ...STEPS[0].data, wage: 1000 } }, STEPS[1], STEPS[2]]);
    expect(chainIsValid(forged, headOf(events), 3)).toBe(false);
    expect(chainIsValid(forged, headOf(forged), 3)).toBe(true);
  });

  it('refuses events out of order, a gap in the numbering, and a first event not linked to the genesis hash', () => {
    const events = chain();
    expect(chainIsValid([events[1], events[0], events[2]], headOf(events), 3)).toBe(false);
    const renumbered = events.map((event, index) => (index === 2 ? { ...event, seq: 4 } : event));
    expect(chainIsValid(renumbered, headOf(events), 3)).toBe(false);
    // Consistent in itself, but not starting from the genesis hash.
    const unlinked = { ...events[0], prevHash: '1'.repeat(64) };
    const rooted = { ...unlinked, hash: eventHash(unlinked.prevHash, unlinked) };
    expect(chainIsValid([rooted], rooted.hash, 1)).toBe(false);
  });

  it('refuses a head that is not the last event’s hash', () => {
    const events = chain();
    expect(chainIsValid(events, events[1].hash, 3)).toBe(false);
    expect(chainIsValid(events, GENESIS_HASH, 3)).toBe(false);
  });
});
