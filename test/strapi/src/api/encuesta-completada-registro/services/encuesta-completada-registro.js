'use strict';

/** Default REST service of encuesta-completada-registros. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreService('api::encuesta-completada-registro.encuesta-completada-registro');
