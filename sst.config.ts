/// <reference path="./.sst/platform/config.d.ts" />

// The Apilados pipeline on AWS: a data bucket, an EventBridge bus, one
// Lambda function per service subscribed from the events' SUBSCRIPTIONS,
// progress and idempotency tables, the CMS token as a secret, and the
// alarms of the operations runbook sent to an SNS topic.
//
// Settings come from the deploying shell under the runbook's names
// (CHUNK_SIZE, BATCH_SIZE, PROCESS_MODE, OMIT_GET, STRAPI_BASE_URL, ...);
// the token is set once per stage with `npx sst secret set StrapiToken`.

export default $config({
  app(input) {
    return {
      name: 'apilados',
      home: 'aws',
      removal: input?.stage === 'production' ? 'retain' : 'remove',
      protect: input?.stage === 'production',
      providers: { aws: { version: '7.20.0' } },
    };
  },

  async run() {
    const {
      busSubscriptions, functionEnvironment, pascalCase, persistenceConcurrency, pipelineAlarms,
    } = await import('./packages/infra/src/index.js');
    const stage = $app.stage;
    const env = functionEnvironment(stage);
    const healthEveryMinutes = 5;

    // Link only what the functions do, not the components' default `*`.
    sst.Linkable.wrap(sst.aws.Bucket, (bucket) => ({
      properties: { name: bucket.name },
      include: [
        sst.aws.permission({ actions: ['s3:ListBucket'], resources: [bucket.arn] }),
        sst.aws.permission({
          actions: [
            's3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload',
          ],
          resources: [$interpolate`${bucket.arn}/*`],
        }),
      ],
    }));
    sst.Linkable.wrap(sst.aws.Bus, (bus) => ({
      properties: { name: bus.name, arn: bus.arn },
      include: [sst.aws.permission({ actions: ['events:PutEvents'], resources: [bus.arn] })],
    }));
    sst.Linkable.wrap(sst.aws.SnsTopic, (topic) => ({
      properties: { arn: topic.arn },
      include: [
        sst.aws.permission({
          actions: ['sns:Publish', 'sns:GetTopicAttributes'],
          resources: [topic.arn],
        }),
      ],
    }));
    sst.Linkable.wrap(sst.aws.Dynamo, (table) => ({
      properties: { name: table.name },
      include: [
        sst.aws.permission({
          actions: [
            'dynamodb:GetItem', 'dynamodb:PutItem',
            'dynamodb:UpdateItem', 'dynamodb:DeleteItem',
          ],
          resources: [table.arn],
        }),
      ],
    }));

    const data = new sst.aws.Bucket('Data', {
      versioning: true,
      lifecycle: [
        { id: 'ExpireWork', prefix: 'work/', expiresIn: '7 days' },
        { id: 'ExpireHealthProbes', prefix: 'health/', expiresIn: '1 day' },
      ],
    });
    new aws.s3.BucketServerSideEncryptionConfiguration('DataEncryption', {
      bucket: data.name,
      rules: [{
        applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' },
        bucketKeyEnabled: true,
      }],
    });
    const uploadsFilterId = 'Uploads';
    new aws.s3.BucketMetric('DataUploadsMetric', {
      bucket: data.name,
      name: uploadsFilterId,
      filter: { prefix: 'uploads/' },
    });

    const bus = new sst.aws.Bus('Bus');
    const progress = new sst.aws.Dynamo('Progress', {
      fields: { fileId: 'string' },
      primaryIndex: { hashKey: 'fileId' },
      ttl: 'expiresAt',
    });
    const idempotency = new sst.aws.Dynamo('Idempotency', {
      fields: { id: 'string' },
      primaryIndex: { hashKey: 'id' },
      ttl: 'expiration',
    });
    const strapiToken = new sst.Secret('StrapiToken');
    const alerts = new sst.aws.SnsTopic('Alerts');

    const catalogueBucket = env.settings.ccts.bucket;
    const cataloguePermissions = catalogueBucket
      ? [
          { actions: ['s3:ListBucket'], resources: [`arn:aws:s3:::${catalogueBucket}`] },
          {
            actions: ['s3:GetObject'],
            resources: [`arn:aws:s3:::${catalogueBucket}/${env.settings.ccts.key}`],
          },
        ]
      : [];

    /** A service's function with its own dead-letter queue. */
    const serviceFunction = (
      service: 'intake' | 'cct-lookup' | 'persistence' | 'health',
      options: {
        timeout: `${number} minutes` | `${number} seconds`;
        memory: `${number} MB`;
        link: any[];
        reserved?: number;
        catalogue?: boolean;
      },
    ) => {
      const name = pascalCase(service);
      const deadLetters = new sst.aws.Queue(`${name}DeadLetters`, {
        transform: { queue: { messageRetentionSeconds: 14 * 24 * 3600 } },
      });
      const fn = new sst.aws.Function(name, {
        handler: `services/${service}/src/handler.handler`,
        runtime: 'nodejs22.x',
        architecture: 'arm64',
        timeout: options.timeout,
        memory: options.memory,
        link: [...options.link, strapiToken],
        environment: env.variables,
        retries: 2,
        concurrency: options.reserved === undefined
          ? undefined
          : { reserved: options.reserved },
        logging: { format: 'json', retention: '1 month' },
        permissions: [
          { actions: ['sqs:SendMessage'], resources: [deadLetters.arn] },
          { actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] },
          ...(options.catalogue ? cataloguePermissions : []),
        ],
        transform: {
          function: { tracingConfig: { mode: 'Active' } },
          eventInvokeConfig: {
            // Throttled invocations (reserved concurrency) wait up to six hours.
            maximumEventAgeInSeconds: 6 * 3600,
            destinationConfig: { onFailure: { destination: deadLetters.arn } },
          },
        },
      });
      return { fn, deadLetters };
    };

    const functions = {
      intake: serviceFunction('intake', {
        timeout: '15 minutes', memory: '1024 MB', catalogue: true,
        link: [data, bus, progress, idempotency],
      }),
      'cct-lookup': serviceFunction('cct-lookup', {
        timeout: '2 minutes', memory: '1024 MB', catalogue: true,
        link: [data, bus, idempotency],
      }),
      persistence: serviceFunction('persistence', {
        timeout: '14 minutes', memory: '1024 MB',
        link: [data, bus, idempotency],
        // The cap towards the CMS: at most this many chunks are written at once.
        reserved: persistenceConcurrency(env.settings),
      }),
      health: serviceFunction('health', {
        timeout: '60 seconds', memory: '512 MB', catalogue: true,
        // Alerts: the health function checks the topic and alerts once
        // when the status becomes critical.
        link: [data, bus, alerts],
      }),
    };

    data.notify({
      notifications: [{
        name: 'Uploads',
        function: functions.intake.fn.arn,
        events: ['s3:ObjectCreated:*'],
        filterPrefix: 'uploads/',
      }],
    });

    for (const subscription of busSubscriptions()) {
      const { fn, deadLetters } = functions[subscription.service];
      bus.subscribe(subscription.name, fn.arn, {
        pattern: subscription.pattern,
        transform: {
          target: {
            deadLetterConfig: { arn: deadLetters.arn },
            retryPolicy: { maximumEventAgeInSeconds: 24 * 3600, maximumRetryAttempts: 185 },
          },
        },
      });
      new aws.sqs.QueuePolicy(`${subscription.name}DeadLetterPolicy`, {
        queueUrl: deadLetters.url,
        policy: $jsonStringify({
          Version: '2012-10-17',
          Statement: [{
            Effect: 'Allow',
            Principal: { Service: 'events.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: deadLetters.arn,
            Condition: {
              ArnLike: { 'aws:SourceArn': $interpolate`arn:aws:events:*:*:rule/${bus.name}/*` },
            },
          }],
        }),
      });
    }

    new sst.aws.CronV2('HealthSchedule', {
      schedule: `rate(${healthEveryMinutes} minutes)`,
      function: functions.health.fn.arn,
      event: { source: 'apilados.schedule', 'detail-type': 'Scheduled Health Check' },
    });

    const specs = pipelineAlarms({
      namespace: env.namespace,
      functions: {
        intake: functions.intake.fn.name,
        'cct-lookup': functions['cct-lookup'].fn.name,
        persistence: functions.persistence.fn.name,
        health: functions.health.fn.name,
      },
      deadLetterQueues: {
        intake: queueName(functions.intake.deadLetters.url),
        'cct-lookup': queueName(functions['cct-lookup'].deadLetters.url),
        persistence: queueName(functions.persistence.deadLetters.url),
        health: queueName(functions.health.deadLetters.url),
      },
      bucket: data.name,
      uploadsFilterId,
      healthEveryMinutes,
    });
    for (const { name, ...spec } of specs) {
      new aws.cloudwatch.MetricAlarm(name, {
        ...spec,
        name: $interpolate`apilados-${stage}-${name}`,
        alarmActions: [alerts.arn],
        okActions: [alerts.arn],
      });
    }

    return {
      bucket: data.name,
      bus: bus.name,
      alerts: alerts.arn,
      ingestFunction: functions.intake.fn.name,
    };

    function queueName(url: $util.Output<string>) {
      return url.apply((u) => u.split('/').pop() ?? u);
    }
  },
});
