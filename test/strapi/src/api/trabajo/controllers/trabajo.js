'use strict';

/** Default REST controller of trabajos. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreController('api::trabajo.trabajo');
