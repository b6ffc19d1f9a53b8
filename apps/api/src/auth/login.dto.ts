import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { Role } from '@app/domain';
import { MAX_PASSWORD_LENGTH } from './passwords';

export class LoginRequest {
  @ApiProperty({ example: 'buero@example.de' })
  @IsString({ message: 'E-Mail-Adresse fehlt.' })
  @IsNotEmpty({ message: 'E-Mail-Adresse fehlt.' })
  @MaxLength(320, { message: 'Die E-Mail-Adresse ist zu lang.' })
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsString({ message: 'Passwort fehlt.' })
  @IsNotEmpty({ message: 'Passwort fehlt.' })
  @MaxLength(MAX_PASSWORD_LENGTH, { message: `Das Passwort darf höchstens ${MAX_PASSWORD_LENGTH} Zeichen lang sein.` })
  password!: string;
}

export class AccountView {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['office', 'steering', 'committee', 'auditor'] }) role!: Role;
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
  @ApiProperty({ enum: ['office', 'steering', 'committee', 'auditor'] }) role!: Role;
  @ApiProperty({ type: [String] }) regionIds!: string[];
  @ApiProperty({ type: [String] }) committeeIds!: string[];
  @ApiProperty({ enum: ['local', 'oidc'] }) source!: 'local' | 'oidc';
}
