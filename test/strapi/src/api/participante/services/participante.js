'use strict';

/** Default REST service of participantes. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreService('api::participante.participante');
