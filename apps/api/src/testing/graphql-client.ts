import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string }; path?: string[] }[];
}

/** A minimal real GraphQL client for tests: HTTP POST and graphql-ws, as any consumer would use. */
export class TestClient {
  constructor(
    readonly baseUrl: string,
    private token: string | null = null,
  ) {}

  withToken(token: string | null): TestClient {
    return new TestClient(this.baseUrl, token);
  }

  async request<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }

  async signIn(email: string, password: string): Promise<TestClient> {
    const result = await this.request<{ signIn: { token: string } }>(
      'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }',
      { email, password },
    );
    const token = result.data?.signIn.token;
    if (!token) throw new Error(`sign-in failed: ${JSON.stringify(result.errors)}`);
    return this.withToken(token);
  }

  ws(): Client {
    return createClient({
      url: `${this.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: this.token ? { authorization: `Bearer ${this.token}` } : {},
      retryAttempts: 0,
    });
  }

  /** Collects subscription events until `until` says stop (or the timeout passes). */
  subscribe<T>(
    query: string,
    variables: Record<string, unknown>,
    until: (events: GraphQLResponse<T>[]) => boolean,
    timeoutMs = 10_000,
  ) {
    const client = this.ws();
    const events: GraphQLResponse<T>[] = [];
    let ready!: () => void;
    const done = new Promise<GraphQLResponse<T>[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        unsubscribe();
        void client.dispose();
        reject(new Error(`subscription timed out with ${JSON.stringify(events)}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        unsubscribe();
        void client.dispose();
        resolve(events);
      };
      const unsubscribe = client.subscribe<T>(
        { query, variables },
        {
          next: (value) => {
            events.push(value as GraphQLResponse<T>);
            if (until(events)) finish();
          },
          error: (error) => {
            events.push({
              errors: Array.isArray(error) ? error : [{ message: String((error as Error).message ?? error) }],
            });
            finish();
          },
          complete: finish,
        },
      );
    });
    const connected = new Promise<void>((resolve) => {
      ready = resolve;
      client.on('connected', () => ready());
    });
    return { events: done, connected };
  }
}
