import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { CommitteeId, RegionId, Role } from '@app/domain';

/** A local login. OIDC users have no row: their provider's token names role and regions. */
@Entity({ schema: 'auth', name: 'accounts' })
export class AccountEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Stored lower-case; the unique index makes the address the login name. */
  @Column('text')
  email!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  /** argon2id (PHC string). */
  @Column('text', { name: 'password_hash' })
  passwordHash!: string;

  @Column('text')
  role!: Role;

  @Column('uuid', { name: 'region_ids', array: true })
  regionIds!: RegionId[];

  @Column('uuid', { name: 'committee_ids', array: true, default: () => "'{}'" })
  committeeIds!: CommitteeId[];

  /** Created by the demo seeder; such accounts exist only in a database seeded with demo data. */
  @Column('boolean', { default: false })
  demo!: boolean;

  @Column('timestamptz', { name: 'disabled_at', nullable: true })
  disabledAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

/** Per-region access settings; a region without a row shows nothing publicly. */
@Entity({ schema: 'auth', name: 'region_settings' })
export class RegionSettingsEntity {
  @PrimaryColumn('uuid', { name: 'region_id' })
  regionId!: RegionId;

  @Column('boolean', { name: 'public_views', default: false })
  publicViews!: boolean;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('text', { name: 'updated_by' })
  updatedBy!: string;
}
