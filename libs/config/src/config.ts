import {
  DEFAULT_TASK_QUEUE,
  DEFAULT_TIMELINE_SETTINGS,
  isDuration,
  parseDuration,
  type TimelineSettings,
} from '@app/contracts';
import { z } from 'zod';

const url = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine((v) => protocols.some((p) => v.startsWith(`${p}:`)), {
      message: `must start with ${protocols.map((p) => `${p}:`).join(' or ')}`,
    });

const hostPort = z
  .string()
  .regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port')
  .refine((v) => !v.includes(':') || (Number(v.split(':')[1]) > 0 && Number(v.split(':')[1]) <= 65535), {
    message: 'port must be between 1 and 65535',
  });

const duration = (min: string, max: string) =>
  z
    .string()
    .refine((v) => isDuration(v), { message: 'must be an ISO 8601 duration such as PT12H' })
    .refine(
      (v) =>
        !isDuration(v) || (parseDuration(v) >= parseDuration(min) && parseDuration(v) <= parseDuration(max)),
      {
        message: `must be between ${min} and ${max}`,
      },
    );
/** Worker tuning defaults: see the README's "Performance" section for how they were measured. */
export const WORKER_DEFAULTS: WorkerSettings = {
  // ~140 KB resident each (V8 heap and the SDK core's state); 500 holds a burst of 500 commissions
  // waking at once (1,000 reminders in one minute) without replays, and keeps the worker under
  // 400 MB however many are open (335 MB with 10,000; 405 MB with a cache of 1,000).
  maxCachedWorkflows: 500,
  maxConcurrentWorkflowTaskExecutions: 40,
  maxConcurrentActivityTaskExecutions: 100,
  stickyQueueScheduleToStartTimeoutMs: 10_000,
  maxConcurrentWorkflowTaskPolls: 10,
  nonStickyToStickyPollRatio: 0.2,
  // V8 lets a heap grow to two to four times what it holds before a full collection: with 10,000
  // open commissions that was 816 MB resident for ~180 MB live. 30% keeps it near what is live.
  heapGrowingPercent: 30,
  // The workflow thread's young generation (V8's default is 16 MB a semi-space): its activations
  // allocate little that lives, so a small one saves ~24 MB at no measured cost.
  workflowSemiSpaceMb: 4,
};

/** The environment the API and the worker read, with the embedded default for this machine. */
const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    DATABASE_URL: url(['postgres', 'postgresql']).default('postgres://postgres@127.0.0.1:5432/commissioning'),
    TEMPORAL_ADDRESS: hostPort.default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default(DEFAULT_TASK_QUEUE),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_BASE_URL: url(['http', 'https']).default('http://127.0.0.1:3000'),
    TEMPORAL_UI_URL: url(['http', 'https']).default('http://127.0.0.1:8233'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    JWT_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    JWT_PUBLIC_KEY: z.string().min(1).optional(),
    JWT_ISSUER: z.string().min(1).optional(),
    JWT_AUDIENCE: z.string().min(1).optional(),
    JWT_MAX_LIFETIME: duration('PT1M', 'P7D').default('PT12H'),
    RATE_LIMIT_REQUESTS: z.coerce.number().int().min(1).max(1_000_000).default(600),
    RATE_LIMIT_WINDOW: duration('PT1S', 'PT1H').default('PT1M'),
    // Longer than a load balancer's idle timeout (60 s is common), so the balancer, not the API,
    // closes an idle connection: a server closing one as a client reuses it is a "socket hang up".
    HTTP_KEEP_ALIVE_TIMEOUT: duration('PT1S', 'PT10M').default('PT65S'),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(kb|mb)$/, 'must be like 256kb or 1mb')
      .default('256kb'),
    SMTP_URL: url(['smtp', 'smtps']).optional(),
    SMTP_FROM: z.string().min(3).default('Commissioning <commissioning@localhost>'),
    WEBHOOK_URL: url(['http', 'https']).optional(),
    WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    CALENDAR_OVERRIDES_FILE: z.string().min(1).optional(),
    // The panel's time to score after the tender closes, when the officer names none on publishing.
    EVALUATION_PERIOD: duration('PT1S', 'P366D').default('P10D'),
    BID_MASTER_KEY: z
      .string()
      .refine((v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, 'base64').length === 32, {
        message: 'must be 32 bytes, base64 encoded (e.g. openssl rand -base64 32)',
      })
      .optional(),
    // Worker tuning; the defaults were chosen with `npm run bench` (README "Performance").
    // The timetable check (README "Will the dates be met?"): evaluation time and the at-risk margin.
    TIMELINE_EVALUATION_ALLOWANCE: duration('P1D', 'P365D').default(
      DEFAULT_TIMELINE_SETTINGS.evaluationAllowance,
    ),
    TIMELINE_AT_RISK_DAYS: z.coerce
      .number()
      .int()
      .min(0)
      .max(365)
      .default(DEFAULT_TIMELINE_SETTINGS.atRiskDays),
    // OCDS identifiers: the publisher's registered prefix (https://standard.open-contracting.org/1.1/en/schema/identifiers/).
    OCDS_OCID_PREFIX: z
      .string()
      .regex(/^ocds-[a-z0-9]{6}$/, 'must be an OCDS prefix such as ocds-b5fd17')
      .default('ocds-xxxxxx'),
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .default(WORKER_DEFAULTS.maxCachedWorkflows),
    WORKER_HEAP_GROWING_PERCENT: z.coerce
      .number()
      .int()
      .min(0)
      .max(1_000)
      .default(WORKER_DEFAULTS.heapGrowingPercent),
    WORKER_WORKFLOW_SEMI_SPACE_MB: z.coerce
      .number()
      .int()
      .min(0)
      .max(1_024)
      .default(WORKER_DEFAULTS.workflowSemiSpaceMb),
    WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce
      .number()
      .int()
      .min(2, 'must be at least 2 (the SDK needs one slot for sticky and one for the normal queue)')
      .max(10_000)
      .default(WORKER_DEFAULTS.maxConcurrentWorkflowTaskExecutions),
    WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce
      .number()
      .int()
      .min(1)
      .max(10_000)
      .default(WORKER_DEFAULTS.maxConcurrentActivityTaskExecutions),
    WORKER_STICKY_QUEUE_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(600_000)
      .default(WORKER_DEFAULTS.stickyQueueScheduleToStartTimeoutMs),
    WORKER_WORKFLOW_TASK_POLLS: z.coerce
      .number()
      .int()
      .min(2, 'must be at least 2 (one for the sticky queue and one for the normal queue)')
      .max(1_000)
      .default(WORKER_DEFAULTS.maxConcurrentWorkflowTaskPolls),
    WORKER_NON_STICKY_POLL_RATIO: z.coerce
      .number()
      .gt(0)
      .max(1)
      .default(WORKER_DEFAULTS.nonStickyToStickyPollRatio),
    WORKER_METRICS_ADDRESS: hostPort.optional(),
  })
  .superRefine((env, ctx) => {
    if (!env.JWT_SECRET && !env.JWT_PUBLIC_KEY) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['JWT_SECRET'],
        message: 'set JWT_SECRET (embedded default) or JWT_PUBLIC_KEY (production issuer)',
      });
    }
    if (env.WEBHOOK_URL && !env.WEBHOOK_SECRET) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['WEBHOOK_SECRET'],
        message: 'webhooks are signed: set WEBHOOK_SECRET with WEBHOOK_URL',
      });
    }
    // In production a token must say who issued it and for whom, so that a token an issuer minted
    // for another service is not accepted here (RFC 8725 §3.8–3.9).
    for (const claim of ['JWT_ISSUER', 'JWT_AUDIENCE'] as const) {
      if (env.NODE_ENV === 'production' && !env[claim]) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [claim],
          message: `production verifies the token's ${claim === 'JWT_ISSUER' ? 'iss' : 'aud'} claim: set ${claim}`,
        });
      }
    }
    if (env.NODE_ENV === 'production' && env.JWT_SECRET === EMBEDDED_JWT_SECRET) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['JWT_SECRET'],
        message: 'the embedded development secret must not be used in production',
      });
    }
    if (env.NODE_ENV === 'production' && env.BID_MASTER_KEY === EMBEDDED_BID_MASTER_KEY) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['BID_MASTER_KEY'],
        message: 'the embedded development key must not be used in production',
      });
    }
  });

/** Only for the embedded default on a developer's machine; production refuses it. */
export const EMBEDDED_JWT_SECRET = 'embedded-default-secret-not-for-production';

/**
 * Wraps the per-commission bid keys on a developer's machine only; production refuses it, and the
 * API will not accept bids in production without a key of its own.
 */
export const EMBEDDED_BID_MASTER_KEY = 'ZW1iZWRkZWQtYmlkLWtleS1ub3QtZm9yLXByb2R1Y3Q=';

export type Env = z.infer<typeof schema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  databaseUrl: string;
  temporal: { address: string; namespace: string; taskQueue: string; uiUrl: string };
  http: {
    host: string;
    port: number;
    publicBaseUrl: string;
    bodyLimit: string;
    /** Requests one caller may make per window before answers are 429. */
    rateLimit: { requests: number; windowMs: number };
    /** How long an idle kept-alive connection stays open. */
    keepAliveTimeoutMs: number;
  };
  logLevel: Env['LOG_LEVEL'];
  auth: {
    secret?: string;
    publicKey?: string;
    issuer?: string;
    audience?: string;
    /** Longest accepted token lifetime (exp − iat), in seconds. */
    maxLifetimeSeconds: number;
  };
  notifications: NotificationConfig;
  /** The bank holiday override file; unset: the one shipped in libs/calendar/data. */
  calendar: { overridesFile?: string };
  /** BID_MASTER_KEY (base64, 32 bytes): wraps each commission's bid key; unset only in production. */
  bids: { masterKey?: string };
  /** EVALUATION_PERIOD: the scoring deadline's default distance from the tender's close (ISO 8601). */
  evaluation: { defaultPeriod: string };
  worker: WorkerSettings;
  timeline: TimelineSettings;
  /** OCDS_OCID_PREFIX: each commission's ocid is `<prefix>-<commission id>`. */
  ocds: { ocidPrefix: string };
  /**
   * WORKER_METRICS_ADDRESS: where the worker serves the Temporal SDK's own metrics (Prometheus,
   * `/metrics`, durations in seconds): task latencies, slots, polls. Unset, none are served.
   */
  workerMetricsAddress?: string;
}

/**
 * The SDK's `workflowTaskPollerBehavior` for these settings: as its own default does, never more
 * polls than workflow task slots.
 */
export function workflowTaskPollerBehavior(settings: WorkerSettings) {
  const maximum = Math.min(
    settings.maxConcurrentWorkflowTaskPolls,
    settings.maxConcurrentWorkflowTaskExecutions,
  );
  return { type: 'simple-maximum' as const, maximum };
}

/** How much the worker keeps in memory and runs at once (Temporal WorkerOptions of the same names). */
export interface WorkerSettings {
  /** Workflows kept in the sticky cache; an evicted one is replayed from history on its next task. */
  maxCachedWorkflows: number;
  maxConcurrentWorkflowTaskExecutions: number;
  maxConcurrentActivityTaskExecutions: number;
  /** How long a workflow task waits for this worker's sticky queue before any worker may take it. */
  stickyQueueScheduleToStartTimeoutMs: number;
  /**
   * Workflow-task polls at once (the SDK's `workflowTaskPollerBehavior`, a simple maximum), shared
   * between the sticky and the normal queue by the ratio below.
   */
  maxConcurrentWorkflowTaskPolls: number;
  /** The normal queue's share of those polls: it carries each new commission's first task. */
  nonStickyToStickyPollRatio: number;
  /** V8's --heap-growing-percent for the worker process; 0 leaves V8's own heuristics. */
  heapGrowingPercent: number;
  /** V8's --max-semi-space-size (MB) for the workflow thread; 0 leaves V8's default. */
  workflowSemiSpaceMb: number;
}

/** Delivery channels; with neither SMTP nor a webhook, notifications are recorded and logged. */
export interface NotificationConfig {
  smtpUrl?: string;
  smtpFrom: string;
  webhookUrl?: string;
  webhookSecret?: string;
  publicBaseUrl: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  // The embedded secret is a development convenience only; production must bring its own key.
  const defaults: Record<string, string> =
    source.NODE_ENV === 'production'
      ? {}
      : { JWT_SECRET: EMBEDDED_JWT_SECRET, BID_MASTER_KEY: EMBEDDED_BID_MASTER_KEY };
  const withDefaults = { ...defaults, ...pickDefined(source) };
  const parsed = schema.safeParse(withDefaults);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      uiUrl: e.TEMPORAL_UI_URL,
    },
    http: {
      host: e.HOST,
      port: e.PORT,
      publicBaseUrl: e.PUBLIC_BASE_URL,
      bodyLimit: e.BODY_LIMIT,
      rateLimit: { requests: e.RATE_LIMIT_REQUESTS, windowMs: parseDuration(e.RATE_LIMIT_WINDOW) },
      keepAliveTimeoutMs: parseDuration(e.HTTP_KEEP_ALIVE_TIMEOUT),
    },
    logLevel: e.LOG_LEVEL,
    auth: {
      secret: e.JWT_SECRET,
      publicKey: e.JWT_PUBLIC_KEY,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      maxLifetimeSeconds: parseDuration(e.JWT_MAX_LIFETIME) / 1000,
    },
    notifications: {
      smtpUrl: e.SMTP_URL,
      smtpFrom: e.SMTP_FROM,
      webhookUrl: e.WEBHOOK_URL,
      webhookSecret: e.WEBHOOK_SECRET,
      publicBaseUrl: e.PUBLIC_BASE_URL,
    },
    calendar: { overridesFile: e.CALENDAR_OVERRIDES_FILE },
    bids: { masterKey: e.BID_MASTER_KEY },
    evaluation: { defaultPeriod: e.EVALUATION_PERIOD },
    worker: {
      maxCachedWorkflows: e.WORKER_MAX_CACHED_WORKFLOWS,
      maxConcurrentWorkflowTaskExecutions: e.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
      maxConcurrentActivityTaskExecutions: e.WORKER_MAX_CONCURRENT_ACTIVITIES,
      stickyQueueScheduleToStartTimeoutMs: e.WORKER_STICKY_QUEUE_TIMEOUT_MS,
      maxConcurrentWorkflowTaskPolls: e.WORKER_WORKFLOW_TASK_POLLS,
      nonStickyToStickyPollRatio: e.WORKER_NON_STICKY_POLL_RATIO,
      heapGrowingPercent: e.WORKER_HEAP_GROWING_PERCENT,
      workflowSemiSpaceMb: e.WORKER_WORKFLOW_SEMI_SPACE_MB,
    },
    timeline: { evaluationAllowance: e.TIMELINE_EVALUATION_ALLOWANCE, atRiskDays: e.TIMELINE_AT_RISK_DAYS },
    ocds: { ocidPrefix: e.OCDS_OCID_PREFIX },
    workerMetricsAddress: e.WORKER_METRICS_ADDRESS,
  };
}

/** Empty or blank variables count as unset, as a shell `FOO= cmd` intends. */
function pickDefined(source: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(source)) if (v !== undefined && v.trim() !== '') out[k] = v;
  return out;
}
