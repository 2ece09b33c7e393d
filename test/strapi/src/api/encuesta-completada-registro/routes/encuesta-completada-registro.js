'use strict';

/** Default REST router of encuesta-completada-registros. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreRouter('api::encuesta-completada-registro.encuesta-completada-registro');
