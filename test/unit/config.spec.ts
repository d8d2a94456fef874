import {
  ConfigError,
  EMBEDDED_JWT_SECRET,
  WORKER_DEFAULTS,
  loadConfig,
  workflowTaskPollerBehavior,
} from '@app/config';

/** The problems loadConfig reports for an environment, or fails the test if it accepts it. */
function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error(`expected the configuration to be refused: ${JSON.stringify(env)}`);
}

describe('loading the configuration', () => {
  describe('the embedded setup', () => {
    it('an empty environment gives the defaults for this machine', () => {
      expect(loadConfig({})).toMatchObject({
        env: 'development',
        databaseUrl: 'postgres://postgres@127.0.0.1:5432/commissioning',
        temporal: {
          address: '127.0.0.1:7233',
          namespace: 'default',
          taskQueue: 'commissioning',
          uiUrl: 'http://127.0.0.1:8233',
        },
        http: {
          host: '127.0.0.1',
          port: 3000,
          publicBaseUrl: 'http://127.0.0.1:3000',
          bodyLimit: '256kb',
          rateLimit: { requests: 600, windowMs: 60_000 },
          keepAliveTimeoutMs: 65_000,
        },
        logLevel: 'info',
        auth: {
          secret: EMBEDDED_JWT_SECRET,
          publicKey: undefined,
          issuer: undefined,
          audience: undefined,
          maxLifetimeSeconds: 12 * 3600,
        },
      });
    });

    it('with no SMTP or webhook configured, notifications have no delivery channel', () => {
      expect(loadConfig({}).notifications).toEqual({
        smtpUrl: undefined,
        smtpFrom: 'Commissioning <commissioning@localhost>',
        webhookUrl: undefined,
        webhookSecret: undefined,
        publicBaseUrl: 'http://127.0.0.1:3000',
      });
    });

    it("serves the worker's SDK metrics only where told to", () => {
      expect(loadConfig({}).workerMetricsAddress).toBeUndefined();
      expect(loadConfig({ WORKER_METRICS_ADDRESS: '0.0.0.0:9464' }).workerMetricsAddress).toBe(
        '0.0.0.0:9464',
      );
      expect(problemsOf({ WORKER_METRICS_ADDRESS: '9464' })).toEqual([
        'WORKER_METRICS_ADDRESS: must be host:port',
      ]);
    });

    it('the test environment also gets the embedded secret', () => {
      expect(loadConfig({ NODE_ENV: 'test' }).auth.secret).toBe(EMBEDDED_JWT_SECRET);
    });

    it('empty variables count as unset', () => {
      const config = loadConfig({ PORT: '', DATABASE_URL: '', JWT_SECRET: '' });
      expect(config.http.port).toBe(3000);
      expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/commissioning');
      expect(config.auth.secret).toBe(EMBEDDED_JWT_SECRET);
    });

    it('takes what is set over the defaults, with PORT as a number', () => {
      const config = loadConfig({
        DATABASE_URL: 'postgresql://app@db.internal:5432/commissioning',
        PORT: '8080',
        TEMPORAL_ADDRESS: 'temporal.internal:7233',
        LOG_LEVEL: 'debug',
        BODY_LIMIT: '1mb',
        JWT_SECRET: 'a-developer-secret-of-some-length',
      });
      expect(config.databaseUrl).toBe('postgresql://app@db.internal:5432/commissioning');
      expect(config.http.port).toBe(8080);
      expect(config.temporal.address).toBe('temporal.internal:7233');
      expect(config.logLevel).toBe('debug');
      expect(config.http.bodyLimit).toBe('1mb');
      expect(config.auth.secret).toBe('a-developer-secret-of-some-length');
    });
  });

  describe('worker settings', () => {
    it('default to the measured values (README "Performance")', () => {
      expect(loadConfig({}).worker).toEqual(WORKER_DEFAULTS);
    });

    it('are read from the environment as numbers', () => {
      expect(
        loadConfig({
          WORKER_MAX_CACHED_WORKFLOWS: '0',
          WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '8',
          WORKER_MAX_CONCURRENT_ACTIVITIES: '32',
          WORKER_STICKY_QUEUE_TIMEOUT_MS: '2500',
          WORKER_HEAP_GROWING_PERCENT: '0',
          WORKER_WORKFLOW_SEMI_SPACE_MB: '16',
          WORKER_WORKFLOW_TASK_POLLS: '20',
          WORKER_NON_STICKY_POLL_RATIO: '0.5',
        }).worker,
      ).toEqual({
        maxCachedWorkflows: 0,
        maxConcurrentWorkflowTaskExecutions: 8,
        maxConcurrentActivityTaskExecutions: 32,
        stickyQueueScheduleToStartTimeoutMs: 2500,
        heapGrowingPercent: 0,
        workflowSemiSpaceMb: 16,
        maxConcurrentWorkflowTaskPolls: 20,
        nonStickyToStickyPollRatio: 0.5,
      });
    });

    it.each([
      ['WORKER_MAX_CACHED_WORKFLOWS', '-1'],
      ['WORKER_MAX_CACHED_WORKFLOWS', 'many'],
      ['WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', '1'],
      ['WORKER_MAX_CONCURRENT_ACTIVITIES', '0'],
      ['WORKER_MAX_CONCURRENT_ACTIVITIES', '2.5'],
      ['WORKER_STICKY_QUEUE_TIMEOUT_MS', '10'],
      ['WORKER_HEAP_GROWING_PERCENT', '-5'],
      ['WORKER_WORKFLOW_TASK_POLLS', '1'],
      ['WORKER_NON_STICKY_POLL_RATIO', '0'],
      ['WORKER_NON_STICKY_POLL_RATIO', '1.5'],
      ['WORKER_WORKFLOW_SEMI_SPACE_MB', '1.5'],
    ])('%s=%s is refused, naming the variable', (name, value) => {
      const problems = problemsOf({ [name]: value });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^${name}: `));
    });

    it('asks the SDK for the polls set, never more than the workflow task slots (as its own default)', () => {
      expect(workflowTaskPollerBehavior(loadConfig({}).worker)).toEqual({
        type: 'simple-maximum',
        maximum: 10,
      });
      const few = loadConfig({ WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '4', WORKER_WORKFLOW_TASK_POLLS: '20' });
      expect(workflowTaskPollerBehavior(few.worker)).toEqual({ type: 'simple-maximum', maximum: 4 });
    });
  });

  describe('errors name the variable at fault', () => {
    it('DATABASE_URL that is not a URL', () => {
      const problems = problemsOf({ DATABASE_URL: 'not a url' });
      expect(problems.length).toBeGreaterThan(0);
      for (const p of problems) expect(p).toMatch(/^DATABASE_URL: /);
    });

    it('DATABASE_URL for another database', () => {
      expect(problemsOf({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/commissioning' })).toEqual([
        'DATABASE_URL: must start with postgres: or postgresql:',
      ]);
    });

    it.each(['70000', '65536', '-1', 'eighty', '80.5'])('PORT %s', (port) => {
      const problems = problemsOf({ PORT: port });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^PORT: /);
    });

    it('PORT at the ends of its range is accepted', () => {
      expect(loadConfig({ PORT: '0' }).http.port).toBe(0);
      expect(loadConfig({ PORT: '65535' }).http.port).toBe(65535);
    });

    it.each(['temporal.internal:99999', 'temporal.internal:0'])('TEMPORAL_ADDRESS %s', (address) => {
      expect(problemsOf({ TEMPORAL_ADDRESS: address })).toEqual([
        'TEMPORAL_ADDRESS: port must be between 1 and 65535',
      ]);
    });

    it('a blank PORT counts as unset', () => {
      expect(loadConfig({ PORT: '   ' }).http.port).toBe(3000);
    });

    it('TEMPORAL_ADDRESS without a port', () => {
      expect(problemsOf({ TEMPORAL_ADDRESS: 'temporal.internal' })).toEqual([
        'TEMPORAL_ADDRESS: must be host:port',
      ]);
    });

    it('PUBLIC_BASE_URL that is not http', () => {
      expect(problemsOf({ PUBLIC_BASE_URL: 'ftp://example.gov.uk' })).toEqual([
        'PUBLIC_BASE_URL: must start with http: or https:',
      ]);
    });

    it('NODE_ENV outside development, test and production', () => {
      expect(problemsOf({ NODE_ENV: 'staging' })).toEqual([expect.stringMatching(/^NODE_ENV: /)]);
    });

    it('LOG_LEVEL that pino does not know', () => {
      expect(problemsOf({ LOG_LEVEL: 'verbose' })).toEqual([expect.stringMatching(/^LOG_LEVEL: /)]);
    });

    it('BODY_LIMIT in units other than kb or mb', () => {
      expect(problemsOf({ BODY_LIMIT: '1gb' })).toEqual(['BODY_LIMIT: must be like 256kb or 1mb']);
    });

    it('a JWT_SECRET too short to be a secret', () => {
      expect(problemsOf({ JWT_SECRET: 'short' })).toEqual(['JWT_SECRET: must be at least 16 characters']);
    });

    it('SMTP_URL that is not an SMTP URL', () => {
      expect(problemsOf({ SMTP_URL: 'http://mail.example.gov.uk' })).toEqual([
        'SMTP_URL: must start with smtp: or smtps:',
      ]);
    });

    it('WEBHOOK_URL without the WEBHOOK_SECRET to sign with', () => {
      expect(problemsOf({ WEBHOOK_URL: 'https://hooks.example.gov.uk/commissioning' })).toEqual([
        'WEBHOOK_SECRET: webhooks are signed: set WEBHOOK_SECRET with WEBHOOK_URL',
      ]);
    });

    it('a webhook with its secret is accepted', () => {
      const config = loadConfig({
        WEBHOOK_URL: 'https://hooks.example.gov.uk/commissioning',
        WEBHOOK_SECRET: 'a-webhook-signing-secret',
      });
      expect(config.notifications).toMatchObject({
        webhookUrl: 'https://hooks.example.gov.uk/commissioning',
        webhookSecret: 'a-webhook-signing-secret',
      });
    });

    it('every problem is reported at once, each on its own line of the message', () => {
      let caught: unknown;
      try {
        loadConfig({ PORT: '70000', BODY_LIMIT: 'lots', TEMPORAL_ADDRESS: 'nowhere' });
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(ConfigError);
      const error = caught as ConfigError;
      expect(error.name).toBe('ConfigError');
      expect(error.problems.map((p) => p.split(':')[0]).sort()).toEqual([
        'BODY_LIMIT',
        'PORT',
        'TEMPORAL_ADDRESS',
      ]);
      expect(error.message.startsWith('Invalid configuration:\n')).toBe(true);
      for (const p of error.problems) expect(error.message).toContain(`  - ${p}`);
    });
  });

  describe('token lifetime and rate limits', () => {
    it('are read as ISO 8601 durations within bounds', () => {
      const config = loadConfig({
        JWT_MAX_LIFETIME: 'PT1H',
        RATE_LIMIT_REQUESTS: '5',
        RATE_LIMIT_WINDOW: 'PT10S',
        HTTP_KEEP_ALIVE_TIMEOUT: 'PT2M',
      });
      expect(config.auth.maxLifetimeSeconds).toBe(3600);
      expect(config.http.rateLimit).toEqual({ requests: 5, windowMs: 10_000 });
      expect(config.http.keepAliveTimeoutMs).toBe(120_000);
      expect(problemsOf({ HTTP_KEEP_ALIVE_TIMEOUT: 'PT0.5S' })).toEqual([
        'HTTP_KEEP_ALIVE_TIMEOUT: must be between PT1S and PT10M',
      ]);
      expect(
        problemsOf({ JWT_MAX_LIFETIME: 'P30D', RATE_LIMIT_REQUESTS: '0', RATE_LIMIT_WINDOW: 'soon' }),
      ).toEqual([
        'JWT_MAX_LIFETIME: must be between PT1M and P7D',
        'RATE_LIMIT_REQUESTS: Number must be greater than or equal to 1',
        'RATE_LIMIT_WINDOW: must be an ISO 8601 duration such as PT12H',
      ]);
    });
  });

  describe('in production', () => {
    const issuer = { JWT_ISSUER: 'https://id.example.gov.uk', JWT_AUDIENCE: 'commissioning' };

    it('there is no embedded secret: a key must be configured', () => {
      expect(problemsOf({ NODE_ENV: 'production', ...issuer })).toEqual([
        'JWT_SECRET: set JWT_SECRET (embedded default) or JWT_PUBLIC_KEY (production issuer)',
      ]);
    });

    it("tokens' issuer and audience must be configured, so that they are checked", () => {
      expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-nobody-knows' })).toEqual([
        "JWT_ISSUER: production verifies the token's iss claim: set JWT_ISSUER",
        "JWT_AUDIENCE: production verifies the token's aud claim: set JWT_AUDIENCE",
      ]);
    });

    it('the embedded development secret is refused', () => {
      expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: EMBEDDED_JWT_SECRET, ...issuer })).toEqual([
        'JWT_SECRET: the embedded development secret must not be used in production',
      ]);
    });

    it('a secret of its own is accepted', () => {
      const config = loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'a-production-secret-nobody-knows',
        ...issuer,
      });
      expect(config.env).toBe('production');
      expect(config.auth.secret).toBe('a-production-secret-nobody-knows');
    });

    it('a public key alone is accepted, and no secret is slipped in beside it', () => {
      const config = loadConfig({
        NODE_ENV: 'production',
        JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----',
        ...issuer,
      });
      expect(config.auth.publicKey).toBe('-----BEGIN PUBLIC KEY-----');
      expect(config.auth.secret).toBeUndefined();
    });
  });
});
