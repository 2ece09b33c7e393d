'use strict';

/** Default REST controller of programas. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreController('api::programa.programa');
