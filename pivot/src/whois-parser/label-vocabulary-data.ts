/**
 * The words registries use for each field, as regular expressions over a normalised label
 * (lowercase, every run of non-alphanumerics one space: "Registrant E-mail" → "registrant e mail",
 * "Registrant's address" → "registrant s address"). Data only: label-classification.ts applies it.
 */
import type { ContactRole } from '@indicia/core';

export type RecordField =
  | 'domain'
  | 'createdAt'
  | 'updatedAt'
  | 'expiresAt'
  | 'status'
  | 'nameserver'
  | 'registrar'
  | 'registrarId'
  | 'registrarUrl'
  | 'whoisServer';

export type ContactAttribute =
  | 'handle'
  | 'name'
  | 'organization'
  | 'email'
  | 'phone'
  | 'fax'
  | 'street'
  | 'city'
  | 'state'
  | 'postalCode'
  | 'country'
  | 'type';

/** Whole labels naming a field of the record. */
export const recordFieldLabels: ReadonlyArray<readonly [RegExp, RecordField]> = [
  [/^(?:domain|domain name|domainname|domain names?|dominio|nome de dominio|domain information|complete domain name|query|ascii)$/, 'domain'],
  [
    /^(?:creation date|created|created on|created date|created at|registered|registered on|registered date|registration date|registration time|domain registration date|record created|record created on|domain created|domain create date|create date|activated|domain record activated|date registered|registration|first registration date|registered date|commencement date|domain registered|entry created|created date time|fecha de registro|fecha de creacion|domain creation date|creation|data de registo|activated on|date approved)$/,
    'createdAt',
  ],
  [
    /^(?:updated date|updated|updated on|last updated|last update|last updated on|last updated date|last modified|modified|last changed|changed|domain last updated|record last updated|record last updated on|domain record last updated|last update date|update date|domain updated|entry updated|modification date|last modification|domain last updated date|record last modified|modified date)$/,
    'updatedAt',
  ],
  [
    /^(?:expiry date|expiration date|expiry|registry expiry date|registrar registration expiration date|expires|expires on|expire|expire date|expired|paid till|expiration|renewal date|domain expiration date|domain expires|record expires|record expires on|record will expire on|valid until|validity|exp date|date of expiration|registration expiration date|expiration time|domain expiry date|expires at|fecha de vencimiento|fecha de expiracion|domain expiration|valid date|record expired|renewal|date renewal)$/,
    'expiresAt',
  ],
  [/^(?:domain status|status|state|registration status|domain state|estado|epp status|dnssec status x)$/, 'status'],
  [
    /^(?:name server|name servers|nameserver|nameservers|nserver|ns|dns|dns servers?|domain servers?|domain nameservers|domain name servers|name server \d+|nameserver \d+|ns \d+|hostname|host name|primary server|secondary server|servers|name server information|nameserver information|dns name|nameservers information|dns information)$/,
    'nameserver',
  ],
  [
    /^(?:registrar|sponsoring registrar|registrar name|registrar organization|registrar organisation|registration service provider|registrar of record|sponsoring registrar organization|registrar handle|registration service provided by|authorized agency|registrar company|current registrar|sponsoring agent)$/,
    'registrar',
  ],
  [/^(?:registrar iana id|sponsoring registrar iana id|registrar id|iana id|registrar iana)$/, 'registrarId'],
  [/^(?:registrar url|referral url|registrar website|registrar web|registrar homepage|registrar www|sponsoring registrar url|url)$/, 'registrarUrl'],
  [/^(?:registrar whois server|whois server|whois|referralserver)$/, 'whoisServer'],
];

/** Label prefixes naming a contact role; 'other' roles (billing, zone) are read and dropped. */
export const roleLabelPrefixes: ReadonlyArray<readonly [RegExp, ContactRole | 'other']> = [
  [/^(?:registrar (?:technical|abuse|admin)|abuse|billing|bill|zone|zone c|billing contact|reseller)\b\s*(?:contacts?\b\s*)?/, 'other'],
  [/^(?:registrant|holder|owner|domain holder|domain owner|titular|holder c|owner c|registrant s)\b\s*(?:contacts?\b\s*)?(?:information\b\s*)?/, 'registrant'],
  [/^(?:admin|administrative|admin c|ac|administrative contact s)\b\s*(?:contacts?\b\s*)?(?:information\b\s*)?/, 'admin'],
  [/^(?:tech|technical|tech c|tc)\b\s*(?:contacts?\b\s*)?(?:information\b\s*)?/, 'tech'],
];

/** What remains of a contact label after its role: the contact's attribute. */
export const contactAttributeLabels: ReadonlyArray<readonly [RegExp, ContactAttribute]> = [
  [/^(?:id|handle|nic hdl|contact id|registry id|c|contact handle|nic handle|code)$/, 'handle'],
  [/^(?:name|contact name|person|contact|full name|name surname|contact person|personname|name of person)$/, 'name'],
  [/^(?:organi[sz]ation|org|organi[sz]ation name|company|company name|org name|organi[sz]ation loc)$/, 'organization'],
  [/^(?:e ?mail|email address|e mail address|mail|contact email)$/, 'email'],
  [/^(?:phone|telephone|tel|phone number|voice|phone no|telephone number)$/, 'phone'],
  [/^(?:fax|fax no|facsimile|fax number|fax telephone)$/, 'fax'],
  [/^(?:street|street\d|address|street address|address\d?|address line ?\d?|addr|postal address|s address|street \d|address loc|mailing address)$/, 'street'],
  [/^(?:city|town|locality|city town)$/, 'city'],
  [/^(?:state|province|state province|region|state province loc|prov)$/, 'state'],
  [/^(?:postal code|zip|zip code|postcode|postal|post code|zipcode)$/, 'postalCode'],
  [/^(?:country|country code|country name|country loc|countrycode)$/, 'country'],
  [/^(?:type|registrant type)$/, 'type'],
];

/** Labels that stand alone in a RIPE-style object and give one of its attributes. */
export const objectAttributeLabels: ReadonlyArray<readonly [RegExp, ContactAttribute]> = [
  [/^(?:nic hdl|handle|contact id)$/, 'handle'],
  [/^(?:person|name|contact|role)$/, 'name'],
  [/^(?:org|organi[sz]ation|org name|company)$/, 'organization'],
  [/^(?:e mail|email)$/, 'email'],
  [/^(?:phone|tel|telephone)$/, 'phone'],
  [/^(?:fax no|fax)$/, 'fax'],
  [/^(?:address|street)$/, 'street'],
  [/^(?:city)$/, 'city'],
  [/^(?:postal code|zip|post code)$/, 'postalCode'],
  [/^(?:country|country code)$/, 'country'],
  [/^(?:type)$/, 'type'],
];

/** Section headers that keep going to the next blank line even when the lines under them are not indented. */
export const flatSectionLabel = /^(?:titular|registrant|holder|owner|admin|administrative|tech|technical|billing|registrar|domain nameservers|name ?servers?|dns servers?|domain servers?|nserver|administrative contact|technical contact|registrant contact|billing contact|contact information|status|whois$)\b/;
