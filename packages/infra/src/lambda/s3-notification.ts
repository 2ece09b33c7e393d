import * as v from 'valibot';

/** The S3 event notification Lambda receives for new objects. */
export const S3Notification = v.object({
  Records: v.pipe(
    v.array(
      v.object({
        eventSource: v.literal('aws:s3'),
        eventName: v.string(),
        s3: v.object({
          bucket: v.object({ name: v.string() }),
          object: v.object({
            key: v.string(),
            size: v.optional(v.number()),
            eTag: v.optional(v.string()),
            versionId: v.optional(v.string()),
            sequencer: v.optional(v.string()),
          }),
        }),
      }),
    ),
    v.minLength(1),
  ),
});

/** The message S3 sends once when a notification is configured. */
const S3TestEvent = v.object({ Event: v.literal('s3:TestEvent') });

/** An uploaded file a notification announces. */
export interface Upload {
  readonly bucket: string;
  /** The object key, URL-decoded. */
  readonly key: string;
  /** The key's last segment, for people. */
  readonly name: string;
  /** Same for repeated notifications of one upload, new for a new one. */
  readonly identity: string;
}

/** A notified object that is not loaded, and why. */
export interface IgnoredObject {
  readonly key: string;
  readonly reason: string;
}

/** True when `input` is an S3 event notification. */
export function isS3Notification(input: unknown): boolean {
  return v.is(S3Notification, input);
}

/** True for the test message S3 sends when notifications are set up. */
export function isS3TestEvent(input: unknown): boolean {
  return v.is(S3TestEvent, input);
}

/**
 * The uploads an S3 notification announces: created objects under
 * `prefix` whose key ends in `.csv` (any case). Keys arrive URL-encoded
 * with `+` for spaces. Each upload's identity is its bucket, key and
 * version (or ETag, or sequencer when unversioned).
 */
export function readUploads(
  input: unknown,
  prefix: string,
): { uploads: Upload[]; ignored: IgnoredObject[] } {
  const notification = v.parse(S3Notification, input);
  const uploads: Upload[] = [];
  const ignored: IgnoredObject[] = [];
  for (const record of notification.Records) {
    const { bucket, object } = record.s3;
    const key = decodeKey(object.key);
    const reason = !record.eventName.startsWith('ObjectCreated')
      ? `${record.eventName} is not an upload`
      : !key.startsWith(prefix)
        ? `not under ${prefix}`
        : !/\.csv$/i.test(key)
          ? 'not a .csv file'
          : undefined;
    if (reason) {
      ignored.push({ key, reason });
      continue;
    }
    const version = object.versionId ?? object.eTag ?? object.sequencer ?? '';
    uploads.push({
      bucket: bucket.name,
      key,
      name: key.split('/').pop() ?? key,
      identity: `${bucket.name}/${key}@${version}`,
    });
  }
  return { uploads, ignored };
}

/** An S3 notification key as the object's real key. */
export function decodeKey(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}
