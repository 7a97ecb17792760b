// Starts the GOV.UK Frontend components on every page.
import { initAll } from '/assets/govuk/govuk-frontend.min.js';

initAll();
