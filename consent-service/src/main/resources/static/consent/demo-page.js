/* The demo page's own code: shows the choice in force, read through the banner's API and its change event. */
(function () {
  function show() {
    var choice = window.AllurisConsent && window.AllurisConsent.get();
    document.getElementById('consent-status').textContent = choice
      ? 'analytics ' + (choice.analytics ? 'on' : 'off') + ', advertising ' + (choice.advertising ? 'on' : 'off')
      : 'not chosen yet';
  }
  window.addEventListener('alluris:consent', show);
  show();
}());
