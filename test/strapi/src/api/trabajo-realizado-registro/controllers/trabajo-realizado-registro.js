'use strict';

/** Default REST controller of trabajo-realizado-registros. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreController('api::trabajo-realizado-registro.trabajo-realizado-registro');
