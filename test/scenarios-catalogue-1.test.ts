import { testCataloguePart } from './support/catalogue-part.js';

// `npm test` plays the whole catalogue; see CATALOGUE_PARTS for why it is spread over several files.
await testCataloguePart(1);
