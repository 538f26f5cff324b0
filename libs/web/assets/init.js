// GOV.UK Frontend's components (error summary focus, exit this page, radios' conditional reveals...).
// Every page works without it; this only adds what the components do with JavaScript.
import { initAll } from '/assets/govuk-frontend.min.js';

initAll();
