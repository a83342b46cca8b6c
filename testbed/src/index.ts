export { startTestbed, type RunningTestbed, type TestbedOptions } from './start-testbed.js';
export { groundTruth, type GroundTruth, type GroundTruthAd } from './ground-truth.js';
export type { TruthImage, ReusedImage } from './ground-truth-images.js';
export { imageAdTruth, renderTestbedImage, type ImageAdTruth, type RenderedTruthImage } from './image-truth.js';
export type { DisguisedIndicator } from './ad-model.js';
export { siteList, type TestbedSite, type FindingRequirement } from './site-hosts.js';
export { onionHostOf, onionMirrorList, onionServiceKeyOf, type OnionMirror } from './onion-mirrors.js';
export { onionGroundTruth, type OnionGroundTruth } from './onion-truth.js';
export type { SocksConnection } from './socks-proxy.js';
export type { RequestLogEntry, RequestFilter, RequestVia } from './request-log.js';
export type { SitePages } from './page-inventory.js';
export { labelledCorpus, type LabelledCorpusOptions } from './labelled-corpus.js';
export type { LabelledText, LabelledIndicator, LabelledDistractor, LabelledSource } from './labelled-text.js';
export { badMediaImages, badMediaPagePath, type BadMediaImage, type BadMediaKind } from './bad-media-routes.js';
export { svgCallbackPath } from './bad-media-files.js';
export { spaTrapLinks, spaLivePollPath, type SpaTrapKind } from './spa-trap-pages.js';
export { registrationTruth, type RegistrationTruthOptions } from './registry/registration-truth.js';
export type {
  RegistrationTruth,
  RegistryDomain,
  RegistryDomainKind,
  RegistrationPeriod,
  TestbedContact,
  TestbedDnsRecords,
  TestbedRegistrar,
  TruthRegistrant,
  RegistrantHolding,
  TruthRegistrationCluster,
  ReverseWhoisTruth,
} from './registry/registration-types.js';
export type { RegistryControl, WhoisEndpoints } from './registry/registry-servers.js';
export { whoisLimitExceeded } from './registry/whois-server.js';
export { hostileAds, hostileAdsSeedUrl, type HostileAdTruth } from './hostile-ads-site.js';
export { pwnedCounter, exfiltrationOrigin, trackerOrigin, type HostilePayloadKind } from './hostile-ads-data.js';
