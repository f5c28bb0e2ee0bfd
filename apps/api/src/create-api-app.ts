import fastifyCookie from '@fastify/cookie';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { VALIDATION_OPTIONS } from '@tl/api-kit';
import { AppConfig } from '@tl/config';
import { ApiModule } from './api.module';
import { BODY_LIMIT_BYTES } from './http/body-parsing';
import { installProgressPage } from './http/progress-page';
import { installQueuesDashboard } from './http/queues-dashboard';

/**
 * Builds the api application on Fastify (used by main, the all-in-one start and the end-to-end
 * tests), initialised and ready: call `listen` to serve it, or hand `getHttpServer()` to supertest.
 */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  await app.register(fastifyCookie);
  await installQueuesDashboard(app);
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
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/**
 * Serves on every interface, as a container or a load balancer needs (Fastify alone would listen on
 * localhost only): IPv6 and IPv4 where the host has both, IPv4 otherwise.
 */
export async function listenOnAllInterfaces(app: NestFastifyApplication, port: number): Promise<void> {
  try {
    await app.listen(port, '::');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAFNOSUPPORT' && (error as NodeJS.ErrnoException).code !== 'EADDRNOTAVAIL') throw error;
    await app.listen(port, '0.0.0.0');
  }
}
