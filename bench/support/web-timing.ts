import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';

/**
 * Page timings on a throttled phone profile, the way WEB.md §3 states the budgets: Chromium's
 * DevTools Protocol slows the network (`Network.emulateNetworkConditions`) and the CPU
 * (`Emulation.setCPUThrottlingRate`), and counts the bytes that crossed the wire (brotli, as
 * served) for scripts and style sheets until a visible element says the page is usable.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface NetworkProfile {
  name: string;
  /** kbit/s down and up. */
  downKbps: number;
  upKbps: number;
  rttMs: number;
  cpuSlowdown: number;
}

export const PROFILES = {
  fast4g: { name: '1.6 Mbit/s, 300 ms RTT, CPU 4×', downKbps: 1600, upKbps: 750, rttMs: 300, cpuSlowdown: 4 },
  slow: { name: '400 kbit/s, 600 ms RTT, CPU 4×', downKbps: 400, upKbps: 400, rttMs: 600, cpuSlowdown: 4 },
  console: { name: '1.6 Mbit/s, 300 ms RTT, CPU 2×', downKbps: 1600, upKbps: 750, rttMs: 300, cpuSlowdown: 2 },
} satisfies Record<string, NetworkProfile>;

export async function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface PageTiming {
  /** ms from navigation start until `readySelector` is visible. */
  ms: number;
  /** Bytes of JS and CSS received (as encoded on the wire) before that moment. */
  scriptAndStyleBytes: number;
  /** Every byte received before that moment. */
  totalBytes: number;
}

async function throttle(cdp: CDPSession, profile: NetworkProfile): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.rttMs,
    downloadThroughput: (profile.downKbps * 1000) / 8,
    uploadThroughput: (profile.upKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
}

/**
 * Opens `url` in a fresh context (cold cache unless `page` is given) on `profile`, and measures until
 * `readySelector` is visible.
 */
export async function timePage(
  browser: Browser,
  url: string,
  readySelector: string,
  profile: NetworkProfile,
  options: { viewport?: { width: number; height: number }; page?: Page; before?: (page: Page) => Promise<void> } = {},
): Promise<PageTiming> {
  const context = options.page
    ? null
    : await browser.newContext({ viewport: options.viewport ?? { width: 360, height: 740 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
  const page = options.page ?? (await context!.newPage());
  if (options.before) await options.before(page);
  const cdp = await page.context().newCDPSession(page);
  await throttle(cdp, profile);
  const types = new Map<string, string>();
  let scriptAndStyleBytes = 0;
  let totalBytes = 0;
  let done = false;
  cdp.on('Network.responseReceived', (event) => types.set(event.requestId, event.type));
  cdp.on('Network.loadingFinished', (event) => {
    if (done) return;
    totalBytes += event.encodedDataLength;
    const type = types.get(event.requestId);
    if (type === 'Script' || type === 'Stylesheet') scriptAndStyleBytes += event.encodedDataLength;
  });
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator(readySelector).first().waitFor({ state: 'visible', timeout: 60_000 });
  const ms = Date.now() - started;
  done = true;
  await cdp.detach().catch(() => undefined);
  if (context) await context.close();
  return { ms, scriptAndStyleBytes, totalBytes };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
