import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { MAX } from '../../http/dto/limits';
import { Day, Labels, Text, Uuid, UuidList } from '../../http/dto/validators';

export class AddresseesDto {
  @UuidList({ description: 'Registrierte Gremien, an die sich die Empfehlung richtet' })
  committeeIds!: string[];

  @Labels({ example: ['Rat der Stadt', 'Schulausschuss'], description: 'Weitere Entscheidungsträger (Freitext)' })
  decisionMakers!: string[];
}

export class AdoptRecommendationDto {
  @Uuid({ description: 'Die Bildungskonferenz, die die Empfehlung beschlossen hat' })
  conferenceId!: string;

  @Text(MAX.reference, { example: '9. BK / 3' })
  reference!: string;

  @Text(MAX.title, { example: 'Berufsorientierung ab Klasse 8 verbindlich verankern' })
  title!: string;

  @Text(MAX.text, { example: 'Die Bildungskonferenz empfiehlt, an allen weiterführenden Schulen ab Klasse 8 …' })
  text!: string;

  @Labels({ example: ['Übergang Schule/Beruf'] })
  fieldsOfAction!: string[];

  @ApiProperty({ type: AddresseesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AddresseesDto)
  addressees!: AddresseesDto;

  @UuidList({ description: 'Gremien, aus denen die Empfehlung stammt' })
  originCommitteeIds!: string[];

  @Day({ example: '2026-03-12', description: 'Tag des Beschlusses; nicht vor der Konferenz, nicht in der Zukunft' })
  adoptedOn!: string;
}
