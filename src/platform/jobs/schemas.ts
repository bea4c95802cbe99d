import { Type, type Static } from '@sinclair/typebox';
import { Nullable, Uuid } from '../http/schema-types.js';
import { JOB_STATUSES } from './tables.js';

export const Job = Type.Object(
  {
    id: Uuid(),
    kind: Type.String({ description: 'What the job does, e.g. people_import.' }),
    status: Type.Unsafe<(typeof JOB_STATUSES)[number]>({ type: 'string', enum: [...JOB_STATUSES] }),
    total: Type.Integer({ description: 'Items to process.' }),
    processed: Type.Integer({ description: 'Items processed so far; equals total when done.' }),
    result: Nullable(Type.Object({ created: Type.Integer(), skipped: Type.Integer() })),
    error: Nullable(Type.String({ description: 'A stable error code when the job failed.' })),
  },
  { description: 'Long-running work with its progress; poll until status is done or failed.' },
);
export type Job = Static<typeof Job>;
