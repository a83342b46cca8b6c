// @indicia/pivot: RDAP, WHOIS (port 43) and DNS clients and parsers, WHOIS history, reverse WHOIS,
// external providers and the link graph. Exports are added by each module's file below.
export {};
