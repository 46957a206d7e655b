/**
 * Every number that decides how the live channel recovers, in one place (docs/architecture.md,
 * "Player → where to change"). The policies and watches that use them stay pure and clock-injected:
 * recovery-policy.ts (which step after a fatal error), recovery-runner.ts (timers, escalation),
 * frozen-picture-watch.ts (a picture that stands still), reachability-probe.ts (is the server back?).
 */
import type { BackoffPolicy } from '../lib/backoff'

/** Delay before a network restart: 1 s doubling to 30 s (the probe cuts it short once the server answers); a live channel never gives up. */
export const RECOVERY_BACKOFF: BackoffPolicy = { initialMs: 1000, maxMs: 30_000, factor: 2 }

/**
 * Delay before a full reload after media errors or a picture that stays still: 1 s doubling to 8 s.
 * The server answers then (it sends data the engine cannot use), so no probe can say when it is
 * right again: only the next reload can, and a 30 s backoff left the viewer up to 30 s on a dead
 * picture after the stream had healed.
 */
export const MEDIA_RELOAD_BACKOFF: BackoffPolicy = { initialMs: 1000, maxMs: 8000, factor: 2 }

/** A media error this long after the last recoverMediaError is a new problem: the ladder starts over. */
export const MEDIA_LADDER_RESET_MS = 60_000

/** hls.js is healthy this long after frames resume: the recovery ladder starts over. */
export const HEALTHY_AFTER_MS = 10_000

/** While playing, the picture may stand still this many target durations before it counts as frozen. */
export const FROZEN_TARGET_DURATIONS = 2
/**
 * A recovery step (recoverMediaError, startLoad, a reload) that has not brought the picture back
 * within this many target durations (and at least RECOVERY_MIN_SECONDS) is taken as failed: the
 * next step follows. hls.js can go quiet after recoverMediaError on a stream it cannot parse.
 */
export const RECOVERY_TARGET_DURATIONS = 5
export const RECOVERY_MIN_SECONDS = 10
/** The target duration assumed before the playlist says (seconds). */
export const DEFAULT_TARGET_DURATION_SECONDS = 2

/** How often the frozen-picture watch samples the picture. */
export const PICTURE_WATCH_TICK_MS = 1000

/** A backoff longer than this is cut short by the reachability probe once the server answers. */
export const PROBE_WHEN_BACKOFF_OVER_MS = 1000
/** The reachability probe asks this often while the channel is down… */
export const PROBE_INTERVAL_MS = 1000
/** …and gives each ask this long to answer. */
export const PROBE_TIMEOUT_MS = 1500
