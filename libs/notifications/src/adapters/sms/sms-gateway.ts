/**
 * NOT IMPLEMENTED: the contract a real SMS adapter (e.g. a cloud SMS provider's
 * template SMS API) will fulfil. It needs a provider account, a signed sender name
 * (短信签名) and approved template codes, and network access this build does not
 * have, so NOTIFICATIONS accepts only `dev` for now.
 *
 * An adapter built on it maps `templateKey` to the provider's approved template code,
 * passes `eventId` as the provider's idempotency / out-id so a retried delivery is not
 * sent twice, and throws on a retryable failure (the outbox retries with backoff).
 */
export interface SmsGateway {
  send(request: { phone: string; templateCode: string; params: Record<string, string>; outId: string }): Promise<{ providerMessageId: string }>;
}
