import { envNames } from '../../../shared/env-names';

/**
 * Import first (before any handler or the runtime) in tests that run the aggregate job: the runtime reads the
 * safety lag once, and 1 s (the least it accepts) keeps the waits for "older than the lag" short.
 */
export const SAFETY_LAG_MS = 1000;
process.env[envNames.aggregationLagSeconds] = String(SAFETY_LAG_MS / 1000);
