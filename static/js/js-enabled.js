// GOV.UK Frontend's "JavaScript is on" classes, set before the page is drawn. A file rather
// than an inline script so the Content-Security-Policy can forbid inline scripts.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
