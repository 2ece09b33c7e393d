'use strict';

/**
 * Log at level "info" by default: the per-request "http" lines, whose query
 * strings may carry filter values such as e-mail addresses, are left out
 * unless STRAPI_LOG_LEVEL=http asks for them.
 */
module.exports = ({ env }) => ({
  level: env('STRAPI_LOG_LEVEL', 'info'),
});
