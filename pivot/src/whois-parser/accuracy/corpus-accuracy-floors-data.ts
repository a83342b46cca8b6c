/**
 * The accuracy per field the WHOIS parser reached on ../shared/corpora/whois-responses (correct /
 * asserted, see corpus-accuracy.ts). The corpus test fails when a field drops more than the margin
 * below its floor: raise a floor when the parser improves, never lower one to pass.
 */
export const accuracyFloorMargin = 0.01;

export const accuracyFloors: Readonly<Record<string, number>> = {
  'admin.address': 0.869,
  'admin.city': 0.978,
  'admin.country': 0.977,
  'admin.email': 0.916,
  'admin.name': 0.920,
  'admin.organization': 0.872,
  'admin.phone': 0.957,
  'admin.present': 0.933,
  'createdAt': 0.979,
  'domain': 0.965,
  'expiresAt': 0.979,
  'nameservers': 0.965,
  'rateLimited': 1.000,
  'registered': 0.979,
  'registrant.address': 0.827,
  'registrant.city': 0.928,
  'registrant.country': 0.981,
  'registrant.email': 0.981,
  'registrant.name': 0.883,
  'registrant.organization': 0.982,
  'registrant.phone': 0.981,
  'registrant.present': 0.930,
  'registrar.id': 0.880,
  'registrar.name': 0.970,
  'registrar.url': 0.850,
  'status': 1.000,
  'tech.address': 0.795,
  'tech.city': 0.978,
  'tech.country': 0.955,
  'tech.email': 0.936,
  'tech.name': 0.923,
  'tech.organization': 0.891,
  'tech.phone': 1.000,
  'tech.present': 0.950,
  'updatedAt': 0.965,
};
