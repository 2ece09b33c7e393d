import { describe, expect, it } from 'vitest';
import { s3Notification } from '../../../../test/cloud/support/lambda-events.js';
import { decodeKey, isS3Notification, isS3TestEvent, readUploads } from './s3-notification.js';

describe('readUploads', () => {
  it('decodes keys, with + as a space', () => {
    const notification = s3Notification({
      bucket: 'data', key: 'uploads/Escuela+Norte+%282025%29.csv', size: 10,
      eTag: 'e1', versionId: 'v7',
    });

    expect(readUploads(notification, 'uploads/')).toEqual({
      uploads: [{
        bucket: 'data',
        key: 'uploads/Escuela Norte (2025).csv',
        name: 'Escuela Norte (2025).csv',
        identity: 'data/uploads/Escuela Norte (2025).csv@v7',
      }],
      ignored: [],
    });
  });

  it('takes the ETag as the identity of an unversioned upload, and any case of .csv', () => {
    const notification = s3Notification({ bucket: 'data', key: 'uploads/A.CSV', size: 1, eTag: 'abc' });

    expect(readUploads(notification, 'uploads/').uploads[0]!.identity).toBe('data/uploads/A.CSV@abc');
  });

  it('ignores removals, other prefixes and other file types, saying why', () => {
    const notification = s3Notification(
      { bucket: 'data', key: 'uploads/a.csv', size: 1, eTag: 'x', eventName: 'ObjectRemoved:Delete' },
      { bucket: 'data', key: 'work/a.csv', size: 1, eTag: 'x' },
      { bucket: 'data', key: 'uploads/a.xlsx', size: 1, eTag: 'x' },
    );

    expect(readUploads(notification, 'uploads/').ignored).toEqual([
      { key: 'uploads/a.csv', reason: 'ObjectRemoved:Delete is not an upload' },
      { key: 'work/a.csv', reason: 'not under uploads/' },
      { key: 'uploads/a.xlsx', reason: 'not a .csv file' },
    ]);
  });

  it('tells notifications, S3 test events and other payloads apart', () => {
    expect(isS3Notification(s3Notification({ bucket: 'b', key: 'k', size: 1, eTag: 'e' }))).toBe(true);
    expect(isS3Notification({ test: 'health-check' })).toBe(false);
    expect(isS3TestEvent({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: 'b' })).toBe(true);
    expect(decodeKey('a%2Bb+c.csv')).toBe('a+b c.csv');
  });
});
