export * from './user.entity';
export * from './auth.decorators';
export * from './auth.service';
export * from './signing-keys.service';
export * from './auth.module';
export * from './signing-keys.module';
export * from './session-cookie';
