import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { VALIDATION_OPTIONS } from '@tl/api-kit';
import { AppConfig } from '@tl/config';
import { ApiModule } from './api.module';
import { installBodyParsing } from './http/body-parsing';
import { installProgressPage } from './http/progress-page';
import { installQueuesDashboard } from './http/queues-dashboard';

/** Builds the api application (used by main, the all-in-one start and the end-to-end tests). */
export async function createApiApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule.forRoot(config), { bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  installBodyParsing(app);
  installQueuesDashboard(app);
  installProgressPage(app);
  app.useGlobalPipes(new ValidationPipe(VALIDATION_OPTIONS));
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Tindak Lanjut API')
      .setDescription('Meetings, attendees and the follow-up commitments agreed at Indonesian government coordination meetings.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}
