'use strict';

/** Default REST router of uso-app-participantes. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreRouter('api::uso-app-participante.uso-app-participante');
