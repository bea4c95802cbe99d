// Starts a proof worker thread: worker threads do not inherit the TypeScript loader the process
// runs under, so the thread registers it itself before loading the worker module.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
