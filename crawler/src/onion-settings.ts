import { isOnionHost } from './onion-routing.js';

/**
 * Tor is slow: a first request to an onion service waits for its descriptor and a rendezvous
 * (often 5-30 s), and every request crosses six relays. These defaults give onion hosts their own,
 * longer deadline and gentler pacing; clear-web hosts of the same crawl keep the ordinary ones.
 */
export const onionDefaults = {
  requestTimeoutMs: 90_000,
  perHostDelayMs: 1_500,
  perHostConcurrency: 2,
} as const;

export interface HostPacingSettings {
  perHostConcurrency: number;
  perHostDelayMs: number;
  onionPerHostConcurrency: number;
  onionPerHostDelayMs: number;
}

/** The pacing for one host: onion hosts get the onion settings (never faster than the clear-web ones). */
export function hostPacingFor(host: string, settings: HostPacingSettings): { perHostConcurrency: number; perHostDelayMs: number } {
  if (!isOnionHost(host)) return { perHostConcurrency: settings.perHostConcurrency, perHostDelayMs: settings.perHostDelayMs };
  return {
    perHostConcurrency: Math.min(settings.perHostConcurrency, settings.onionPerHostConcurrency),
    perHostDelayMs: Math.max(settings.perHostDelayMs, settings.onionPerHostDelayMs),
  };
}
