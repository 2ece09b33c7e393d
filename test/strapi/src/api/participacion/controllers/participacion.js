'use strict';

/** Default REST controller of participaciones. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreController('api::participacion.participacion');
