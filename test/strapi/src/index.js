'use strict';

const { seedSurveys } = require('./seed-surveys');
const { TOKEN_NAME, writePipelineToken } = require('./pipeline-token');
const { watchParent } = require('./parent-watch');

module.exports = {
  register() {},

  /**
   * Seeds the surveys; when APILADOS_TOKEN_FILE names a file, writes a fresh
   * full-access API token there (never to the log); when APILADOS_PARENT_PID
   * names a process, shuts down once that process has ended.
   */
  async bootstrap({ strapi }) {
    await seedSurveys(strapi);
    const tokenFile = process.env.APILADOS_TOKEN_FILE;
    if (tokenFile) {
      await writePipelineToken(strapi, tokenFile);
      strapi.log.info(`API token "${TOKEN_NAME}" written to ${tokenFile}`);
    } else {
      strapi.log.info('APILADOS_TOKEN_FILE is not set: no API token made');
    }
    const parentPid = Number(process.env.APILADOS_PARENT_PID);
    if (Number.isInteger(parentPid) && parentPid > 1) {
      watchParent(strapi, parentPid);
    }
  },
};
