import { cidOfBytes, parseCid, verifyContent } from "@lantern/sdk";

/** A failed API call: `status` 0 when the API could not be reached at all. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    message: string,
    readonly status: number,
    /** The field the API named as wrong, for a 400. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export type Params = Record<string, string | number | boolean | undefined>;

/** Lantern's HTTP API (packages/api). Every read is JSON; content is verified against its CID here too. */
export class Api {
  constructor(readonly base: string) {}

  url(path: string, params: Params = {}): string {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== "") query.set(key, String(value));
    }
    const qs = query.toString();
    return `${this.base}${path}${qs ? `?${qs}` : ""}`;
  }

  async get<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
    // Named, because some URLs (/archive/:legacyId) are also pages, answered as HTML to a browser's navigation.
    return this.#json<T>(
      await this.#fetch(this.url(path, params), { signal, headers: { accept: "application/json" } }),
    );
  }

  /** Uploads an image, a JSON document or opaque bytes to the content store; returns its CID. */
  async upload(bytes: Uint8Array, type: string): Promise<string> {
    const response = await this.#fetch(this.url("/content"), {
      method: "POST",
      headers: { "content-type": type },
      body: bytes as BodyInit,
    });
    const body = await this.#json<{ cid: string }>(response);
    return body.cid;
  }

  /**
   * Uploads bytes as opaque content and checks that the CID the store answers is theirs, so no transaction
   * points at other bytes than the user's; `what` names them in the error ("the report").
   */
  async uploadChecked(bytes: Uint8Array, what: string): Promise<string> {
    const cid = await this.upload(bytes, "application/octet-stream");
    if (cid !== cidOfBytes(bytes).toString())
      throw new Error(`The content store filed ${what} under another CID.`);
    return cid;
  }

  /** Text (a review, a message, a tracking number) as checked opaque content; returns its CID. */
  uploadText(text: string, what: string): Promise<string> {
    return this.uploadChecked(new TextEncoder().encode(text), what);
  }

  /**
   * An ERC-1497 evidence document as checked opaque content (the API takes JSON documents only if they are
   * listing metadata); returns the URI the contracts record, `/ipfs/<cid>`.
   */
  async uploadEvidence(doc: { name: string; description: string }, what: string): Promise<string> {
    return `/ipfs/${await this.uploadText(JSON.stringify(doc), what)}`;
  }

  /** Sends a JSON body; a refusal becomes an ApiError with the API's reason and the field it named. */
  async postJson<T>(path: string, body: unknown): Promise<T> {
    const response = await this.#fetch(this.url(path), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return this.#json<T>(response);
  }

  ipfsUrl(cid: string): string {
    return this.url(`/ipfs/${cid}`);
  }

  /** The bytes a CID names, refused unless they hash to it: the node serving them is not trusted. */
  async content(cid: string, signal?: AbortSignal): Promise<Uint8Array> {
    const response = await this.#fetch(this.ipfsUrl(cid), { signal });
    if (!response.ok) throw await this.#error(response);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (!verifyContent(parseCid(cid), bytes)) {
      throw new ApiError(`The content store returned bytes that do not match ${cid}.`, 502);
    }
    return bytes;
  }

  async #fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, init);
    } catch (error) {
      if ((error as Error).name === "AbortError") throw error;
      throw new ApiError("The Lantern API cannot be reached.", 0);
    }
  }

  async #json<T>(response: Response): Promise<T> {
    if (!response.ok) throw await this.#error(response);
    return (await response.json()) as T;
  }

  async #error(response: Response): Promise<ApiError> {
    let message = `The API answered ${response.status}.`;
    let field: string | undefined;
    try {
      // The API's one error shape: { error: { code, message, field?, rule? } }.
      const { error } = (await response.json()) as {
        error?: { message?: unknown; field?: unknown; rule?: unknown };
      };
      if (typeof error?.message === "string") message = error.message;
      if (typeof error?.field === "string") field = error.field;
      if (typeof error?.rule === "string" && field) message = `${message} (${field} ${error.rule})`;
    } catch {
      // A body that is not JSON leaves the status as the only reason.
    }
    return new ApiError(message, response.status, field);
  }
}
