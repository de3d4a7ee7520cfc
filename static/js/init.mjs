// Enhance GOV.UK Frontend components (skip link focus, service navigation toggle, error summary).
// Every page works without this script; it only adds behaviour.
import { initAll } from "./govuk-frontend.min.js";

initAll();
