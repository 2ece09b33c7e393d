'use strict';

/** Default REST service of programas. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreService('api::programa.programa');
