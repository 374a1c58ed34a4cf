import type { FastifyInstance } from 'fastify';
import { InvalidInput } from '../../../platform/errors.ts';
import { formPage, formRoute, queryOf } from '../../../platform/web/form-kit.ts';
import { uploadNamed } from '../../../platform/web/form-uploads.ts';
import { formErrors } from '../../../platform/web/forms.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import type { PlacesService } from '../service.ts';
import { fileField, reportText } from './importing.ts';
import { importedQuery, postcodeQuery, uploadForm } from './input.ts';
import type { Place } from './repository.ts';

// The gazetteer's pages: what it holds and its last import, a search by postcode with each
// address on OpenStreetMap, and the upload of a new LLPG export.

export type GazetteerRouteDeps = { places: PlacesService };

const home = '/places/gazetteer';
const views = 'places/gazetteer/views';
const notPostcode = 'Enter a full UK postcode, like DM1 4QT';
// An LLPG export of 150,000 addresses is about 15 MB.
export const maxCsvBytes = 50 * 1024 * 1024;

export const mapLink = (place: Pick<Place, 'latitude' | 'longitude'>) =>
  `https://www.openstreetmap.org/?mlat=${place.latitude}&mlon=${place.longitude}#map=18/${place.latitude}/${place.longitude}`;

export function gazetteerRoutes(app: FastifyInstance, deps: GazetteerRouteDeps) {
  homeRoute(app, deps);
  uploadRoute(app, deps);
}

function homeRoute(app: FastifyInstance, { places }: GazetteerRouteDeps) {
  app.get(home, { config: { access: 'places:manage' } }, async (request, reply) => {
    const { councilId } = signedIn(request);
    const { postcode } = queryOf(request, postcodeQuery);
    const { imported } = queryOf(request, importedQuery);
    const summary = await places.summary(councilId);
    const made = imported ? await places.importNamed(councilId, imported) : null;
    const found = postcode ? await places.atPostcode(councilId, postcode) : null;
    // Text that is not a postcode is refused as a form's field is: error summary, message, 400.
    const errors = postcode !== '' && found === null ? [{ key: 'postcode', message: notPostcode }] : [];
    if (errors.length) reply.code(400);
    return render(request, reply, `${views}/gazetteer.njk`, {
      title: 'Gazetteer',
      summary,
      imported: made ? reportText(made) : null,
      postcode,
      ...formErrors(errors),
      found: found && { ...found, places: found.places.map((place) => ({ ...place, map: mapLink(place) })) },
    });
  });
}

function uploadRoute(app: FastifyInstance, { places }: GazetteerRouteDeps) {
  formRoute(app, `${home}/import`, {
    access: 'places:manage',
    body: uploadForm,
    uploads: { maxFileBytes: maxCsvBytes },
    initial: () => ({}),
    page: (shown) =>
      formPage(shown, `${views}/import.njk`, { title: 'Import the gazetteer', maxSize: '50 MB' }),
    submit: async ({ request }) => {
      const upload = uploadNamed(request, fileField);
      if (!upload || upload.content.length === 0)
        throw new InvalidInput([{ key: fileField, message: 'Choose the CSV file exported from the LLPG' }]);
      if (upload.truncated)
        throw new InvalidInput([{ key: fileField, message: 'The file must be smaller than 50 MB' }]);
      const report = await places.importCsv(signedIn(request), upload.content.toString('utf8'), request.id);
      return `${home}?imported=${report.importId}`;
    },
  });
}
