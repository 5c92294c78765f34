// Starts GOV.UK Frontend's components (skip link, error summary focus) on CoFund's pages.
import { initAll } from '/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';
initAll();
