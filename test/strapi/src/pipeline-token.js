'use strict';

const fs = require('node:fs');
const path = require('node:path');

/** Name of the full-access API token that clients of this CMS use. */
const TOKEN_NAME = 'apilados-pipeline';

/**
 * Replaces the pipeline's API token with a new full-access one and returns
 * its access key, which Strapi hands out only at creation.
 */
async function createPipelineToken(strapi) {
  const tokens = strapi.service('admin::api-token');
  const old = await strapi.db
    .query('admin::api-token')
    .findOne({ where: { name: TOKEN_NAME }, select: ['id'] });
  if (old) await tokens.revoke(old.id);
  const created = await tokens.create({
    name: TOKEN_NAME,
    description: 'Full access for the ingestion pipeline',
    kind: 'content-api',
    type: 'full-access',
    lifespan: null,
  });
  return created.accessKey;
}

/**
 * Writes a secret so that only the file's owner can read it; the file
 * appears whole or not at all.
 */
function writeSecretFile(file, secret) {
  const target = path.resolve(file);
  const partial = `${target}.${process.pid}.partial`;
  fs.writeFileSync(partial, secret, { mode: 0o600 });
  fs.chmodSync(partial, 0o600);
  fs.renameSync(partial, target);
}

/** Makes a fresh pipeline token and writes its key to `file`. */
async function writePipelineToken(strapi, file) {
  writeSecretFile(file, await createPipelineToken(strapi));
}

module.exports = { TOKEN_NAME, writePipelineToken };
