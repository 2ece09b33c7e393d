'use strict';

/** Default REST controller of correo-participantes. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreController('api::correo-participante.correo-participante');
