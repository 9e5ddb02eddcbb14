import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type DataLoader from 'dataloader';

import { type Actor } from '../auth/actor';

/** A singleton that knows how to build one kind of DataLoader for one request. */
export interface LoaderFactory<K, V> {
  create(context: RequestContext): DataLoader<K, V>;
}

/** The DataLoaders of one request, each built on first use. */
export class RequestLoaders {
  private readonly loaders = new Map<LoaderFactory<unknown, unknown>, DataLoader<unknown, unknown>>();

  constructor(private readonly context: () => RequestContext) {}

  get<K, V>(factory: LoaderFactory<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(factory as LoaderFactory<unknown, unknown>);
    if (!loader) {
      loader = factory.create(this.context()) as DataLoader<unknown, unknown>;
      this.loaders.set(factory as LoaderFactory<unknown, unknown>, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** What every resolver sees as its GraphQL context. */
export interface RequestContext {
  actor?: Actor;
  /** Set when a token was sent but is invalid or expired. */
  authError?: string;
  /** A keyed hash of the client address: used for rate limits, never stored beyond a window. */
  clientKey: string;
  userAgent?: string;
  loaders: RequestLoaders;
  /** Epoch milliseconds after which no further root field or route handler starts (REQUEST_DEADLINE_MS). */
  deadline?: number;
}

export function contextOf(execution: ExecutionContext): RequestContext {
  if (execution.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(execution).getContext<RequestContext>();
  }
  const request = execution.switchToHttp().getRequest<{ jobcode?: RequestContext }>();
  if (!request.jobcode) throw new Error('Request context missing: is the context hook installed?');
  return request.jobcode;
}

/** The signed-in caller, or undefined for anonymous operations. */
export const CurrentActor = createParamDecorator((_data: unknown, execution: ExecutionContext) => contextOf(execution).actor);

/** The whole request context (loaders, client key). */
export const ReqContext = createParamDecorator((_data: unknown, execution: ExecutionContext) => contextOf(execution));
