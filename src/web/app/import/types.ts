export interface ImportPreview {
  id: string;
  status: string;
  fileName: string;
  total: number;
  valid: number;
  invalid: number;
  duplicates: number;
  columns: string[];
  rows: Array<{ row: number; errors: Array<{ column: string; message: string }> }>;
}

export type JobStatus = 'preview' | 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface Job {
  id: string;
  kind: string;
  status: JobStatus;
  total: number;
  processed: number;
  result: { created: number; skipped: number } | null;
  error: string | null;
}

export const FINISHED: readonly JobStatus[] = ['done', 'failed', 'cancelled'];
