import { ServerTime } from '@atelier/shared';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { jsonContent } from './openapi';

const getTime = createRoute({
  method: 'get',
  path: '/api/time',
  summary: "The server's clock",
  description:
    "Epoch milliseconds. Clients derive their clock's offset from it, so the facilitator's timer shows the same time left everywhere.",
  responses: { 200: { description: 'Now, on the server', ...jsonContent(ServerTime) } },
});

export function timeRoutes() {
  const app = new OpenAPIHono();
  app.openapi(getTime, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ now: Date.now() }, 200);
  });
  return app;
}
