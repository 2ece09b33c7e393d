'use strict';

/** Default REST router of ccts. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreRouter('api::cct.cct');
