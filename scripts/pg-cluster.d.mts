export interface Cluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres, trust authentication. */
  url: string;
  port: number;
  dir: string;
  /** Stops the server and deletes its folder; synchronous, safe to call twice. */
  stop(): void;
}

export function say(message: string): void;
export function aptInstall(packages: string[], why: string): void;
export function findPostgresBin(): string | null;
export function ensurePostgresBin(): string;
export function freePort(): Promise<number>;
export function startCluster(options?: { log?: (message: string) => void }): Promise<Cluster>;
