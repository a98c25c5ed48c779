import type { Limits } from './emulator.options.ts';
import type { TokenService } from './identity/token.service.ts';
import { EventLoopLag } from './limits/event-loop-lag.ts';
import { FaultService } from './limits/fault.service.ts';
import { ThrottleService } from './limits/throttle.service.ts';
import { NotificationService } from './notifications/notification.service.ts';
import type { EmulatorState } from './state/emulator.state.ts';

/** The services of one running emulator; `state` is replaced by a reset, the rest lives on. */
export class Emulator {
  readonly faults = new FaultService();
  readonly loopLag = new EventLoopLag();
  readonly throttle: ThrottleService;
  readonly notifications: NotificationService;

  constructor(
    public state: EmulatorState,
    readonly limits: Limits,
    readonly tokens: TokenService,
  ) {
    this.throttle = new ThrottleService(
      () => ({
        concurrency: limits.mailboxConcurrency,
        requestsPerWindow: limits.mailboxRequestsPerWindow,
        windowSeconds: limits.rateWindowSeconds,
        retryAfterSeconds: limits.retryAfterSeconds,
        uploadBytesPerWindow: limits.mailboxUploadBytesPerWindow,
        uploadWindowSeconds: limits.uploadWindowSeconds,
        appRequestsPerWindow: limits.appRequestsPerWindow,
        appWindowSeconds: limits.appWindowSeconds,
      }),
      () => this.loopLag.recentMs(),
    );
    this.notifications = new NotificationService(limits.notifications, state, this.faults);
  }

  /** Replaces the state with a new scenario; counters, faults and subscriptions start over. */
  replaceState(state: EmulatorState): void {
    this.state = state;
    this.faults.clear();
    this.throttle.reset();
    this.notifications.attach(state);
  }
}
