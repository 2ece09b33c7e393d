/** Region and fake credentials for SDK clients aimed at local servers. */
export const LOCAL_AWS = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
} as const;

// The SDK warns once per process about Node 20; the tests run on it on
// purpose (Lambda runs Node 22), so the warning is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
