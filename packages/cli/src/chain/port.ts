import net from "node:net";
import { CliError } from "../errors.ts";

/** Fails with a clear message if something already listens on host:port. */
export async function assertPortFree(host: string, port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new CliError(
              `Port ${port} on ${host} is already in use, so the ${what} cannot start there. ` +
                "Stop whatever is listening on it (another `npm start`?) or choose another port.",
            )
          : error,
      );
    });
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve()));
  });
}
