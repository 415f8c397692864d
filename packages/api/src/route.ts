import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ApiContext } from "./context.ts";
import { badParameter } from "./errors.ts";
import { varyOnAccept } from "./pages/negotiate.ts";

type AnyObject = z.ZodObject<z.ZodRawShape>;

/**
 * One route: its input schemas (zod, which both validate requests and describe them in the OpenAPI
 * document) and its handler. Adding a route is writing one of these and listing it in `routes/index.ts`.
 */
export interface RouteDefinition<P extends AnyObject = AnyObject, Q extends AnyObject = AnyObject> {
  method: "GET" | "POST";
  /** Fastify syntax: `/listings/:address`. */
  url: string;
  summary: string;
  description?: string;
  tag: string;
  params?: P;
  query?: Q;
  /** For uploads: the media types the body may have, for the document. */
  body?: { description: string; mediaTypes: string[] };
  responses: Record<number, string>;
  handler(
    input: { params: z.output<P>; query: z.output<Q>; request: FastifyRequest; reply: FastifyReply },
    ctx: ApiContext,
  ): Promise<unknown>;
}

export function defineRoute<P extends AnyObject, Q extends AnyObject>(
  route: RouteDefinition<P, Q>,
): RouteDefinition {
  return route as unknown as RouteDefinition;
}

/** Parses one part of the request; the first problem becomes a 400 naming the field and the rule. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = issue?.path.map(String).join(".");
  const field = key ? `${where}.${key}` : where;
  const rule =
    issue?.code === "unrecognized_keys"
      ? `unknown parameter${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`
      : issue?.code === "invalid_type" && issue.input === undefined
        ? "is required"
        : issue?.code === "invalid_type"
          ? "must be given once"
          : (issue?.message ?? "is not valid");
  throw badParameter(issue?.code === "unrecognized_keys" ? `${field}.${issue.keys[0]}` : field, rule);
}

/** Another representation of a route's URL (a server-rendered page) and when the client wants it. */
export interface Alternative {
  wants(request: FastifyRequest): boolean;
  send(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply>;
}

export function register(
  app: FastifyInstance,
  route: RouteDefinition,
  ctx: ApiContext,
  alternative?: Alternative,
): void {
  app.route({
    method: route.method,
    url: route.url,
    handler: async (request, reply) => {
      if (alternative) {
        varyOnAccept(reply);
        if (alternative.wants(request)) return alternative.send(request, reply);
      }
      const params = route.params ? parse(route.params, request.params, "params") : {};
      const query = route.query ? parse(route.query, request.query, "query") : {};
      return route.handler({ params, query, request, reply } as never, ctx);
    },
  });
}

/** The OpenAPI 3.1 document of the routes, from the same zod schemas that validate them. */
export function openApiDocument(routes: readonly RouteDefinition[], info: { version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, "{$1}");
    const parameters = [...fields(route.params, "path"), ...fields(route.query, "query")];
    const operation: Record<string, unknown> = {
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      parameters,
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, description]) => [
          status,
          Number(status) >= 400
            ? {
                description,
                content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
              }
            : { description },
        ]),
      ),
    };
    if (route.body) {
      operation.requestBody = {
        required: true,
        description: route.body.description,
        content: Object.fromEntries(route.body.mediaTypes.map((t) => [t, { schema: {} }])),
      };
    }
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Lantern API",
      version: info.version,
      description:
        "Search, listings, sellers, orders, archive and content of a Lantern marketplace, rebuilt from chain events and content-addressed documents. Bad input gets a 400 naming the field and the rule.",
    },
    paths,
    components: {
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                field: { type: "string", description: "where the bad input was, e.g. query.maxPrice" },
                rule: { type: "string", description: "the rule it broke" },
              },
            },
          },
        },
      },
    },
  };
}

function fields(schema: AnyObject | undefined, where: "path" | "query") {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => {
    const json = z.toJSONSchema(field as z.ZodType, { io: "input", unrepresentable: "any" }) as Record<
      string,
      unknown
    >;
    delete json.$schema;
    const { description, ...rest } = json;
    return {
      name,
      in: where,
      required: where === "path" || !(field as z.ZodType).safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}
