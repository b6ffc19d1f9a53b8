import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@app/domain';
import { MAX_PASSWORD_LENGTH } from './passwords';

export class CreateAccountRequest {
  @ApiProperty({ example: 'mitglied@beispiel.de' })
  @IsString() @IsNotEmpty() @MaxLength(320)
  email!: string;

  @ApiPropertyOptional({ example: 'Frau Beispiel (FG Übergang Schule/Beruf)' })
  @IsOptional() @IsString() @MaxLength(200)
  displayName?: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES as Role[])
  role!: Role;

  @ApiPropertyOptional({ type: [String], description: 'Gremien eines Gremienmitglieds (UUIDs)' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  committeeIds?: string[];

  @ApiProperty({ format: 'password', description: 'Anfangspasswort, mindestens 10 Zeichen' })
  @IsString() @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

export class AccountSummary {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: [String] }) regionIds!: string[];
  @ApiProperty({ type: [String] }) committeeIds!: string[];
  @ApiProperty() demo!: boolean;
  @ApiProperty({ nullable: true, type: String }) disabledAt!: string | null;
  @ApiProperty() createdAt!: string;
}
