'use strict';

/** How often the parent process is looked for, in milliseconds. */
const WATCH_INTERVAL_MS = 1000;

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Stops this server once the process `parentPid` has gone, so that a CMS
 * started for a test run never outlives it, even when the run is killed.
 */
function watchParent(strapi, parentPid) {
  const timer = setInterval(() => {
    if (isAlive(parentPid)) return;
    clearInterval(timer);
    strapi.log.info(`Process ${parentPid} has ended: shutting down`);
    strapi.destroy().finally(() => process.exit(0));
  }, WATCH_INTERVAL_MS);
  timer.unref();
}

module.exports = { watchParent };
