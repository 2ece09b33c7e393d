'use strict';

/** Default REST service of trabajos. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreService('api::trabajo.trabajo');
