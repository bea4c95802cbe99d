/**
 * Periodic background passes (reminders and the like). A pass gets the time it runs for, so tests
 * call it directly with any `now`; here it is only run on a timer. Every server of a cluster runs
 * the same passes, so a pass must be safe to run twice at once (e.g. mail with dedupe keys).
 */
export interface ScheduledPass {
  name: string;
  everyMs: number;
  run(now: Date): Promise<unknown>;
}

export interface ScheduleLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface Schedule {
  /** Stops the timers and waits for passes in progress. */
  stop(): Promise<void>;
}

/** Runs each pass soon after start (after `firstDelayMs`) and then every `everyMs`, one run of a pass at a time. */
export function startSchedule(passes: readonly ScheduledPass[], log: ScheduleLog, firstDelayMs = 10_000): Schedule {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();

  const plan = (pass: ScheduledPass, delay: number) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const round = pass
        .run(new Date())
        .then(
          (result) => log.info({ pass: pass.name, result }, 'scheduled pass'),
          (error: unknown) => log.error({ err: error, pass: pass.name }, 'scheduled pass failed'),
        )
        .finally(() => {
          running.delete(round);
          plan(pass, pass.everyMs);
        });
      running.add(round);
    }, delay);
    timer.unref();
    timers.add(timer);
  };
  for (const pass of passes) plan(pass, firstDelayMs);

  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all([...running]);
    },
  };
}
