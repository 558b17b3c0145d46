export { NationalSyncAdminModule, NationalSyncModule } from './national-sync.module';
export { NationalSyncStatus, PendingSyncDto } from './national-sync-status';
export { HttpNationalPortal } from './http-national-portal';
export { NationalPortalStandIn, type StandInRequest } from './stand-in/national-portal-stand-in';
