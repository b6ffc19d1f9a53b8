import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsObject, MaxLength, ValidateNested } from 'class-validator';
import { MAX } from '../../http/dto/limits';
import { Text } from '../../http/dto/validators';

export class ContactDto {
  @Text(MAX.name, { example: 'Frau Beispiel (Vorsitz)' })
  name!: string;

  @ApiProperty({ example: 'vorsitz@gremium.beispiel.de', maxLength: 320 })
  @IsEmail({}, { message: 'Bitte eine gültige E-Mail-Adresse angeben.' }) @MaxLength(320)
  email!: string;
}

export class CommitteeContactsDto {
  @ApiProperty({ type: [ContactDto], maxItems: 10, description: 'Wer Erinnerungen des Gremiums per E-Mail bekommt; leer: niemand' })
  // IsObject first: a list of lists or of texts is a 400, not something the nested validation trips over.
  @IsArray() @ArrayMaxSize(10) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => ContactDto)
  contacts!: ContactDto[];
}

export class CommitteeContactsView extends CommitteeContactsDto {
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
}
