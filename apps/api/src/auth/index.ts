export { AuthModule, type AuthOptions } from './auth.module';
export { Allow, AllowCommand, AllowReaders, Public, PublicRead } from './access.decorators';
export { CurrentPrincipal, type AuthenticatedRequest } from './request-context';
export { actorOf, type Principal } from './principal';
export { AccountEntity, RegionSettingsEntity } from './account.entity';
export { authEntities, authMigrations, createAuthDataSource, openAuthDataSource } from './data-source';
export { createAccount, AccountError } from './accounts';
export { seedDemoAccounts, DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts';
export { setPublicViews } from './public-views';
