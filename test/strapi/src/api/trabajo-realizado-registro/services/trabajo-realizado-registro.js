'use strict';

/** Default REST service of trabajo-realizado-registros. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreService('api::trabajo-realizado-registro.trabajo-realizado-registro');
