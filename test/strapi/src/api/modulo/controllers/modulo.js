'use strict';

/** Default REST controller of modulos. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreController('api::modulo.modulo');
