/** A small client for the RabbitMQ management HTTP API (global fetch); credentials come from the URL. */
export class ManagementApi {
  private readonly base: string;
  private readonly authorization: string;
  readonly adminUser: string;

  constructor(managementUrl: string) {
    const url = new URL(managementUrl);
    this.adminUser = decodeURIComponent(url.username || 'guest');
    const password = decodeURIComponent(url.password || 'guest');
    this.authorization = `Basic ${Buffer.from(`${this.adminUser}:${password}`).toString('base64')}`;
    url.username = '';
    url.password = '';
    this.base = url.toString().replace(/\/$/, '');
  }

  /** Where the API is, without credentials (safe to print). */
  get location(): string {
    return this.base;
  }

  async request<T = unknown>(
    method: 'GET' | 'PUT' | 'DELETE' | 'POST',
    path: string,
    body?: unknown,
    allow: number[] = [],
  ): Promise<{ status: number; body: T | undefined }> {
    let response: Response;
    try {
      response = await fetch(`${this.base}/api${path}`, {
        method,
        headers: {
          authorization: this.authorization,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new Error(
        `RabbitMQ management API unreachable at ${this.base} (${errorMessage(error)}); ` +
          'enable it with `rabbitmq-plugins enable rabbitmq_management`',
      );
    }
    const text = await response.text();
    if (!response.ok && !allow.includes(response.status)) {
      throw new Error(
        `RabbitMQ management API ${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`,
      );
    }
    return { status: response.status, body: text ? (JSON.parse(text) as T) : undefined };
  }

  /** True when the API answers with the admin's credentials. */
  async reachable(): Promise<boolean> {
    try {
      const response = await fetch(`${this.base}/api/overview`, {
        headers: { authorization: this.authorization },
        signal: AbortSignal.timeout(5_000),
      });
      return response.ok;
    } catch {
      return false;
    }
  }

  /** Waits until the API answers, or fails after `timeoutMs` naming the URL. */
  async waitUntilReachable(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.reachable())) {
      if (Date.now() > deadline) {
        throw new Error(
          `RabbitMQ management API did not answer at ${this.base} within ${timeoutMs / 1000} s; ` +
            'enable it with `rabbitmq-plugins enable rabbitmq_management`',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}
