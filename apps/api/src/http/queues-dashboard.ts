import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from '@tl/auth';
import { QueueName } from '@tl/queues';
import { errorBody } from './error-response';

export const QUEUES_DASHBOARD_PATH = '/api/admin/queues';
const COOKIE = 'tl_admin_token';

function tokenOf(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const queryToken = (req.query as Record<string, unknown> | undefined)?.token;
  const query = typeof queryToken === 'string' ? queryToken : undefined;
  const cookie = req.headers.cookie?.split(/;\s*/).find((c) => c.startsWith(`${COOKIE}=`))?.slice(COOKIE.length + 1);
  return header ?? query ?? cookie;
}

/**
 * Bull Board at /api/admin/queues, for admins. A browser opens it once with ?token=<accessToken>;
 * the token then rides in an http-only cookie scoped to the dashboard.
 */
export async function installQueuesDashboard(app: NestFastifyApplication): Promise<void> {
  const auth = app.get(AuthService);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUES_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }))),
    serverAdapter,
  });
  const guarded = async (scope: FastifyInstance) => {
    // An encapsulated scope: the hook guards the dashboard's routes only.
    scope.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
      const token = tokenOf(req);
      try {
        if (!token) throw new Error('missing');
        const user = await auth.verify(token);
        if (user.role !== 'admin') return reply.status(403).send(errorBody(403, 'the queues dashboard is for admin users'));
        if (typeof (req.query as Record<string, unknown>)?.token === 'string') {
          reply.header('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=${QUEUES_DASHBOARD_PATH}`);
        }
      } catch {
        return reply
          .status(401)
          .send(errorBody(401, 'the queues dashboard needs an admin token: open it with ?token=<accessToken> or send Authorization: Bearer'));
      }
    });
    await scope.register(serverAdapter.registerPlugin());
  };
  await app.register(guarded, { prefix: QUEUES_DASHBOARD_PATH });
}
