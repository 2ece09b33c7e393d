'use strict';

/** Default REST service of implementaciones. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreService('api::implementacion.implementacion');
