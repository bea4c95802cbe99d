import type { Config } from '../config.js';
import type { ChangeFeed } from '../db/change-feed.js';
import type { Database, Db } from '../db/client.js';
import type { Messages } from './i18n/catalogue.js';

/** What every module's routes receive. Modules take only what they use from it. */
export interface Services {
  config: Config;
  database: Database;
  db: Db;
  messages: Messages;
  /** Changes to the rows instances keep in memory, from every instance. */
  changes: ChangeFeed;
}
