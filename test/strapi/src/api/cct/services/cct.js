'use strict';

/** Default REST service of ccts. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreService('api::cct.cct');
