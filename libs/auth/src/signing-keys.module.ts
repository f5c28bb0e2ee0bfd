import { Module } from '@nestjs/common';
import { SigningKeys } from './signing-keys.service';

/** Signing secrets without the login machinery, for the worker's progress links. */
@Module({ providers: [SigningKeys], exports: [SigningKeys] })
export class SigningKeysModule {}
