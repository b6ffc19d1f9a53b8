import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { displayNamesOf } from './accounts';
import { AUTH_DATA_SOURCE } from './auth.tokens';

/** Names for the user ids events record, so people read "Frau Beispiel (Lenkungskreis)", not an id. */
@Injectable()
export class AccountNames {
  constructor(@Inject(AUTH_DATA_SOURCE) private readonly dataSource: DataSource) {}

  namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    return displayNamesOf(this.dataSource, ids);
  }
}
