import type { FastifyInstance } from "fastify";
import { type CreateApiOptions, createApi } from "./createApi.ts";

export interface ServeApiOptions extends CreateApiOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
}

/** Creates the API and listens (loopback by default); `url` is where it answers. */
export async function serveApi(
  options: ServeApiOptions,
): Promise<{ app: FastifyInstance; url: string; close(): Promise<void> }> {
  const app = await createApi(options);
  const host = options.host ?? "127.0.0.1";
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return { app, url: `http://${host}:${port}`, close: () => app.close() };
}
