import { canonicalJson, sha256Hex } from './canonical';
import { type ContractEvent } from './contract-event.entity';

export const GENESIS_HASH = '0'.repeat(64);

type Chainable = Pick<ContractEvent, 'contractId' | 'seq' | 'kind' | 'actorAccountId' | 'data' | 'occurredAt'>;

/** SHA-256(prevHash ‖ canonical event JSON). */
export function eventHash(prevHash: string, event: Chainable): string {
  const body = canonicalJson({
    contractId: event.contractId,
    seq: event.seq,
    kind: event.kind,
    actorAccountId: event.actorAccountId,
    data: event.data,
    at: event.occurredAt.toISOString(),
  });
  return sha256Hex(prevHash + body);
}

/**
 * Walks the events in order: each must follow the previous (seq 1, 2, …), link to its hash,
 * and hash to what it stores; the last must be the head recorded on the contract.
 */
export function chainIsValid(events: readonly ContractEvent[], head: string, expectedCount: number): boolean {
  if (events.length !== expectedCount) return false;
  let prev = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    if (event.seq !== index + 1 || event.prevHash !== prev) return false;
    if (eventHash(prev, event) !== event.hash) return false;
    prev = event.hash;
  }
  return prev === head;
}
