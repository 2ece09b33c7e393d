'use strict';

/**
 * HTTP server on the loopback interface by default. The keys below are
 * harmless defaults for a throwaway test database; override them with APP_KEYS.
 */
module.exports = ({ env }) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  app: {
    keys: env.array('APP_KEYS', ['apilados-test-key-1', 'apilados-test-key-2']),
  },
  logger: {
    updates: { enabled: false },
    startup: { enabled: false },
  },
});
