import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@app/domain';
import { MAX_PASSWORD_LENGTH } from './passwords';

export class LoginRequest {
  @ApiProperty({ example: 'buero@example.de' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

export class AccountView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: [String] }) regionIds!: string[];
  @ApiProperty({ type: [String] }) committeeIds!: string[];
}

export class LoginResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Sekunden bis zum Ablauf' }) expiresIn!: number;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ type: AccountView }) account!: AccountView;
}

export class PrincipalView {
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: [String] }) regionIds!: string[];
  @ApiProperty({ type: [String] }) committeeIds!: string[];
  @ApiProperty({ enum: ['local', 'oidc'] }) source!: 'local' | 'oidc';
}
