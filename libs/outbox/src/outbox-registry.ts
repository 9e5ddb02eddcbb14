import { Injectable } from '@nestjs/common';

import { type OutboxHandler } from './outbox.types';

const NAME = /^[a-z][a-z0-9_.-]{0,99}$/;

/** The handlers subscribed in this process, by event type and by name. */
@Injectable()
export class OutboxRegistry {
  private readonly byName = new Map<string, { type: string; handler: OutboxHandler }>();
  private readonly namesByType = new Map<string, string[]>();

  add(type: string, name: string, handler: OutboxHandler): void {
    if (!NAME.test(type)) throw new Error(`Outbox event type "${type}" must be lower-case letters, digits, dots, dashes or underscores (≤ 100)`);
    if (!NAME.test(name)) throw new Error(`Outbox handler name "${name}" must be lower-case letters, digits, dots, dashes or underscores (≤ 100)`);
    if (this.byName.has(name)) throw new Error(`Outbox handler "${name}" is already subscribed: handler names must be unique`);
    this.byName.set(name, { type, handler });
    this.namesByType.set(type, [...(this.namesByType.get(type) ?? []), name]);
  }

  handler(name: string): OutboxHandler | undefined {
    return this.byName.get(name)?.handler;
  }

  namesFor(type: string): string[] {
    return this.namesByType.get(type) ?? [];
  }

  allNames(): string[] {
    return [...this.byName.keys()];
  }

  isValidType(type: string): boolean {
    return NAME.test(type);
  }
}
