'use strict';

/** Default REST controller of uso-app-participantes. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreController('api::uso-app-participante.uso-app-participante');
