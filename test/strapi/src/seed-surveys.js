'use strict';

/** The surveys every implementation links to; they exist before any load. */
const SURVEY_KEYS = ['encuesta_inicial', 'encuesta_final'];

/** Creates each survey of SURVEY_KEYS that is not in `encuestas` yet. */
async function seedSurveys(strapi) {
  const surveys = strapi.documents('api::encuesta.encuesta');
  for (const clave of SURVEY_KEYS) {
    const found = await surveys.findFirst({ filters: { clave } });
    if (!found) await surveys.create({ data: { clave } });
  }
}

module.exports = { SURVEY_KEYS, seedSurveys };
