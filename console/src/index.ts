// @indicia/console: the investigator console's HTTP API, web UI shell, accounts, roles and audit log.
export { ConsoleServer, type ConsoleServerOptions, type ListeningConsole } from './http/console-server.js';
export { ConsoleAccounts, type ConsoleAccountsOptions, type FirstAdmin } from './accounts/console-accounts.js';
export { consoleDatabaseName } from './accounts/console-database.js';
export { UserAccounts, minPasswordLength, type ConsoleUser } from './accounts/user-accounts.js';
export { parseAuditAnchor, type AuditAnchor, type AuditEntry, type AuditVerification } from './accounts/audit-log.js';
export { defaultScryptCost, type ScryptCost } from './accounts/password-hash.js';
export { roles, isRole, type Role } from './roles.js';
export { consoleRoutes, apiPrefix } from './api/console-routes.js';
export { defaultUiDir } from './http/ui-files.js';
export type { AdTableFormat, CaptureSummary, EvidenceReader, InterpretQuery, InterpretedQuery, QueryInput, ReadAs } from './ports.js';
