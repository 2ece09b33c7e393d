'use strict';

/**
 * The admin panel is not served: the CMS is used only through its REST API.
 * Secrets come from the environment, with defaults fit only for tests.
 */
module.exports = ({ env }) => ({
  serveAdminPanel: false,
  auth: {
    secret: env('ADMIN_JWT_SECRET', 'apilados-test-admin-jwt-secret'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT', 'apilados-test-api-token-salt'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT', 'apilados-test-transfer-token-salt'),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY', 'apilados-test-encryption-key-0001'),
  },
  ai: { enabled: false },
  flags: { nps: false, promoteEE: false },
});
