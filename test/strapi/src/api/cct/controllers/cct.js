'use strict';

/** Default REST controller of ccts. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreController('api::cct.cct');
