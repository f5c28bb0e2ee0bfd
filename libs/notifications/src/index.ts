export * from './templates';
export * from './mail/mail-transport';
export * from './mail/mail.service';
export * from './notifications.module';
