import type { LaunchOptions } from 'playwright-core';

/**
 * Flags that keep Chromium from calling Google hosts on its own (MACHINE-NOTES: the
 * --disable-* flags alone are not enough on Chromium 156; pointing the update and account
 * endpoints at a closed local port brings outside attempts to zero).
 */
const quietFlags = [
  '--disable-gpu',
  '--disable-sync',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-breakpad',
  '--metrics-recording-only',
  '--component-updater=url-source=http://127.0.0.1:9/',
  '--gaia-url=http://127.0.0.1:9/',
  '--google-apis-url=http://127.0.0.1:9/',
  '--lso-url=http://127.0.0.1:9/',
];

/**
 * With a proxy, nothing may leave any other way. Playwright already adds `<-loopback>` to the
 * bypass list (Chromium otherwise sends localhost and 127.0.0.1 around the proxy); on top of that:
 * no local DNS at all except for the proxy's own host (an HTTP proxy resolves target names, so a
 * lookup here could only be a leak, e.g. a prefetch), WebRTC kept off non-proxied UDP, and no QUIC.
 */
function proxyLockdownFlags(proxy: URL): string[] {
  const proxyHost = proxy.hostname.replace(/^\[|\]$/g, '');
  return [`--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE ${proxyHost}`, '--force-webrtc-ip-handling-policy=disable_non_proxied_udp', '--disable-quic'];
}

export interface ChromiumLaunchSettings {
  executablePath: string;
  /** http:// (credentials allowed) or socks5h:// / socks5:// proxy every request goes through; null goes direct. */
  proxyUrl: string | null;
}

export function chromiumLaunchOptions(settings: ChromiumLaunchSettings): LaunchOptions {
  const options: LaunchOptions = {
    executablePath: settings.executablePath,
    headless: true,
    args: [...quietFlags],
    // The pool decides when a browser ends; Playwright's own signal handlers would close browsers
    // behind its back on Ctrl-C before the crawl finished its pages.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: 30_000,
  };
  if (settings.proxyUrl !== null) {
    const proxy = new URL(settings.proxyUrl);
    const socks = proxy.protocol === 'socks5h:' || proxy.protocol === 'socks5:';
    // Chromium's socks5:// always hands names to the proxy (remote resolution, as socks5h), but it
    // cannot send SOCKS credentials: BrowserFetcher passes its SocksRelay here, which adds them.
    options.proxy = socks
      ? { server: `socks5://${proxy.host}` }
      : {
          server: `${proxy.protocol}//${proxy.host}`,
          ...(proxy.username ? { username: decodeURIComponent(proxy.username), password: decodeURIComponent(proxy.password) } : {}),
        };
    options.args!.push(...proxyLockdownFlags(proxy));
  }
  return options;
}
