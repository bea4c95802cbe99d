export const SERVER_DIR: string;
export const SERVER_MAIN: string;
export type ServerBuildState = { current: true } | { current: false; reason: string };
export function serverBuildState(root?: string, dir?: string): ServerBuildState;
export function buildServer(root?: string, dir?: string): Promise<number>;
export function ensureServerBuild(log?: (message: string) => void): Promise<void>;
