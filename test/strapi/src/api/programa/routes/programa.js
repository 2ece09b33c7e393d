'use strict';

/** Default REST router of programas. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreRouter('api::programa.programa');
