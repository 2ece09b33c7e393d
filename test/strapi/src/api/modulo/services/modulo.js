'use strict';

/** Default REST service of modulos. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreService('api::modulo.modulo');
