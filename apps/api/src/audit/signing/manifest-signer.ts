import { Inject, Injectable, Logger } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import type { AppConfig } from '@app/config';
import { APP_CONFIG } from '../../infrastructure/tokens';
import { keyIdOf, publicKeyOf, signManifest, type Signed } from '../offline/manifest-signature';
import { resolveSigningKey } from './signing-key';

/** Signs the audit manifests the API hands out; the key is read (or made) on the first use, not at start. */
@Injectable()
export class ManifestSigner {
  private readonly logger = new Logger('Audit');
  private key?: Promise<KeyObject>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private privateKey(): Promise<KeyObject> {
    this.key ??= resolveSigningKey(this.config, (line) => this.logger.warn(line)).catch((e: unknown) => {
      this.key = undefined;
      throw e;
    });
    return this.key;
  }

  async sign<M extends object>(manifest: M): Promise<Signed<M>> {
    return signManifest(manifest, await this.privateKey());
  }

  /** The public half, to publish: auditors check manifests against their own copy of it. */
  async publicKey(): Promise<{ algorithm: 'Ed25519'; keyId: string; publicKey: string }> {
    const key = await this.privateKey();
    return { algorithm: 'Ed25519', keyId: keyIdOf(key), publicKey: publicKeyOf(key).export({ type: 'spki', format: 'pem' }).toString() };
  }
}
