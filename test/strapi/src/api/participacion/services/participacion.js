'use strict';

/** Default REST service of participaciones. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreService('api::participacion.participacion');
