import {
  GetTopicAttributesCommand,
  PublishCommand,
  type SNSClient,
} from '@aws-sdk/client-sns';
import type { AlertNotifier } from '@apilados/health';

/** SNS subjects are at most 100 characters. */
const SUBJECT_LIMIT = 100;

/**
 * The alerts SNS topic: health alerts are published to it, and its
 * attributes answer the health check's probe.
 */
export class SnsAlerts implements AlertNotifier {
  constructor(
    private readonly client: SNSClient,
    readonly topicArn: string,
  ) {}

  async notify(subject: string, message: string): Promise<void> {
    await this.client.send(
      new PublishCommand({
        TopicArn: this.topicArn,
        Subject: subject.slice(0, SUBJECT_LIMIT),
        Message: message,
      }),
    );
  }

  /** Resolves when the topic answers; throws otherwise. */
  async probe(): Promise<void> {
    await this.client.send(new GetTopicAttributesCommand({ TopicArn: this.topicArn }));
  }
}
