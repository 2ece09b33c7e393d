'use strict';

/** Default REST controller of encuesta-completada-registros. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreController('api::encuesta-completada-registro.encuesta-completada-registro');
