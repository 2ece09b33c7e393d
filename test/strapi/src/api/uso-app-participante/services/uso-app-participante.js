'use strict';

/** Default REST service of uso-app-participantes. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreService('api::uso-app-participante.uso-app-participante');
